"""Counts the events of a GDELT 2.0 Events export that involve one country,
the way a DuckDB user would: read_csv over the raw file (TAB, no header),
then a filter on the actors' CAMEO country codes and the action's FIPS code.

The same question as `dateline list FILE --country RU --count`, where an
event involves a country through its actors or its place.

    duckdb_gdelt_count.py FILE CAMEO3 FIPS      (e.g. RUS RS)
"""

import sys

import duckdb

path, cameo, fips = sys.argv[1], sys.argv[2], sys.argv[3]
query = """
SELECT count(*) FROM read_csv(?, delim = '\t', header = false, quote = '', escape = '',
    all_varchar = true, null_padding = true)
WHERE column07 = ? OR column17 = ? OR column53 = ?
"""
print(duckdb.connect().execute(query, [path, cameo, cameo, fips]).fetchone()[0])
