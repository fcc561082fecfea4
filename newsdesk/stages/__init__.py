"""Pipeline stages: each a pure function of one article and the process's resources."""
