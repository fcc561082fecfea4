"""Running totals of the corpus's speakers and entities, kept by the database itself.

Listing the speakers or entities most reported across a large corpus would otherwise group
millions of statements or mentions on every request (tens of seconds on 100,000 articles).
Instead, triggers on ``quotes``, ``entities`` and ``mentions`` keep three small tables up to
date as rows are written, updated (``quotes.corpus_speaker`` changes whenever speakers are
unified) or deleted, whoever writes them: ``speaker_articles`` (statements per speaker per
article), ``speaker_totals`` (statements and articles per speaker) and ``entity_totals``
(articles and mentions per entity). A missing speaker type or GeoNames id is kept as ``''``
or ``0`` there, so that it can be part of a key.

The migration that adds them (:data:`TOTALS_MIGRATION`) fills them from the rows already
stored before it creates the triggers.
"""

from __future__ import annotations

# One speaker's key in the totals, for the quote row ``{row}`` (``new`` or ``old``).
_SPEAKER_KEY = "speaker = {row}.corpus_speaker AND speaker_type = coalesce({row}.speaker_type, '')"

# A statement of ``new`` counted: one more for its speaker in its article and overall, and one
# more article for the speaker when it is the speaker's first statement in that article.
_ADD_STATEMENT = """
    INSERT INTO speaker_articles
        SELECT new.corpus_speaker, coalesce(new.speaker_type, ''), new.article_id, 1
        WHERE new.corpus_speaker IS NOT NULL
        ON CONFLICT DO UPDATE SET statements = statements + 1;
    INSERT INTO speaker_totals
        SELECT new.corpus_speaker, coalesce(new.speaker_type, ''), 1, 0
        WHERE new.corpus_speaker IS NOT NULL
        ON CONFLICT DO UPDATE SET statements = statements + 1;
    UPDATE speaker_totals SET articles = articles + 1 WHERE {new_key} AND (
        SELECT statements FROM speaker_articles WHERE {new_key} AND article_id = new.article_id
    ) = 1;
""".format(new_key=_SPEAKER_KEY.format(row="new"))

# A statement of ``old`` no longer counted: the reverse of _ADD_STATEMENT, rows at zero removed.
_REMOVE_STATEMENT = """
    UPDATE speaker_articles SET statements = statements - 1
        WHERE {old_key} AND article_id = old.article_id;
    UPDATE speaker_totals SET statements = statements - 1, articles = articles - coalesce((
        SELECT statements = 0 FROM speaker_articles
        WHERE {old_key} AND article_id = old.article_id
    ), 0) WHERE {old_key};
    DELETE FROM speaker_articles WHERE {old_key} AND article_id = old.article_id
        AND statements <= 0;
    DELETE FROM speaker_totals WHERE {old_key} AND statements <= 0;
""".format(old_key=_SPEAKER_KEY.format(row="old"))

# One entity's key in the totals, for the entity row ``{row}``.
_ENTITY_KEY = (
    "canonical = {row}.canonical AND type = {row}.type "
    "AND geonames_key = coalesce({row}.geonames_id, 0)"
)

# Another row of ``{row}``'s entity in the same article (the row itself left out).
_SAME_IN_ARTICLE = (
    "SELECT 1 FROM entities x WHERE x.article_id = {row}.article_id AND x.id <> {row}.id "
    "AND x.canonical = {row}.canonical AND x.type = {row}.type "
    "AND coalesce(x.geonames_id, 0) = coalesce({row}.geonames_id, 0)"
)

# The key of the entity a mention row ``{row}`` belongs to.
_MENTION_KEY = (
    "(canonical, type, geonames_key) = (SELECT canonical, type, coalesce(geonames_id, 0) "
    "FROM entities WHERE id = {row}.entity_id)"
)

TOTALS_MIGRATION = f"""
    CREATE TABLE speaker_articles (
        speaker TEXT NOT NULL, speaker_type TEXT NOT NULL, article_id INTEGER NOT NULL,
        statements INTEGER NOT NULL, PRIMARY KEY (speaker, speaker_type, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE speaker_totals (
        speaker TEXT NOT NULL, speaker_type TEXT NOT NULL, statements INTEGER NOT NULL,
        articles INTEGER NOT NULL, PRIMARY KEY (speaker, speaker_type)
    ) WITHOUT ROWID;
    CREATE TABLE entity_totals (
        canonical TEXT NOT NULL, type TEXT NOT NULL, geonames_key INTEGER NOT NULL,
        country_code TEXT, articles INTEGER NOT NULL, mentions INTEGER NOT NULL,
        PRIMARY KEY (canonical, type, geonames_key)
    ) WITHOUT ROWID;

    INSERT INTO speaker_articles
        SELECT corpus_speaker, coalesce(speaker_type, ''), article_id, count(*) FROM quotes
        WHERE corpus_speaker IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO speaker_totals
        SELECT speaker, speaker_type, sum(statements), count(*) FROM speaker_articles
        GROUP BY 1, 2;
    INSERT INTO entity_totals
        SELECT e.canonical, e.type, coalesce(e.geonames_id, 0), max(e.country_code),
            count(DISTINCT e.article_id), count(m.entity_id)
        FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY 1, 2, 3;

    CREATE INDEX speaker_totals_ranked ON speaker_totals(statements DESC, speaker, speaker_type);
    CREATE INDEX entity_totals_ranked
        ON entity_totals(articles DESC, mentions DESC, canonical, type, geonames_key);
    CREATE INDEX entity_totals_typed
        ON entity_totals(type, articles DESC, mentions DESC, canonical, geonames_key);

    CREATE TRIGGER quotes_counted AFTER INSERT ON quotes BEGIN {_ADD_STATEMENT} END;
    CREATE TRIGGER quotes_uncounted AFTER DELETE ON quotes BEGIN {_REMOVE_STATEMENT} END;
    CREATE TRIGGER quotes_recounted
        AFTER UPDATE OF corpus_speaker, speaker_type, article_id ON quotes
        BEGIN {_REMOVE_STATEMENT} {_ADD_STATEMENT} END;

    CREATE TRIGGER entities_counted AFTER INSERT ON entities BEGIN
        INSERT INTO entity_totals
            SELECT new.canonical, new.type, coalesce(new.geonames_id, 0), new.country_code, 0, 0
            WHERE true
            ON CONFLICT DO UPDATE SET country_code = CASE
                WHEN excluded.country_code > coalesce(country_code, '')
                THEN excluded.country_code ELSE country_code END;
        UPDATE entity_totals SET articles = articles + 1
            WHERE {_ENTITY_KEY.format(row="new")}
            AND NOT EXISTS ({_SAME_IN_ARTICLE.format(row="new")});
    END;
    CREATE TRIGGER entities_mentions_uncounted BEFORE DELETE ON entities BEGIN
        DELETE FROM mentions WHERE entity_id = old.id;
    END;
    CREATE TRIGGER entities_uncounted AFTER DELETE ON entities BEGIN
        UPDATE entity_totals SET articles = articles - 1
            WHERE {_ENTITY_KEY.format(row="old")}
            AND NOT EXISTS ({_SAME_IN_ARTICLE.format(row="old")});
        DELETE FROM entity_totals WHERE {_ENTITY_KEY.format(row="old")} AND articles <= 0;
    END;
    CREATE TRIGGER mentions_counted AFTER INSERT ON mentions BEGIN
        UPDATE entity_totals SET mentions = mentions + 1 WHERE {_MENTION_KEY.format(row="new")};
    END;
    CREATE TRIGGER mentions_uncounted AFTER DELETE ON mentions BEGIN
        UPDATE entity_totals SET mentions = mentions - 1 WHERE {_MENTION_KEY.format(row="old")};
    END;
"""

TOTALS_DESCRIPTIONS: dict[str, str] = {
    "speaker_articles": "Kept by triggers: how many statements each speaker (corpus name and "
    "type, '' when none) has in each article.",
    "speaker_totals": "Kept by triggers: statements and articles per speaker (corpus name and "
    "type, '' when none), for listing the most quoted speakers fast.",
    "entity_totals": "Kept by triggers: articles and mentions per entity (canonical name, type "
    "and GeoNames id, 0 when none), for listing the most reported entities fast.",
}
