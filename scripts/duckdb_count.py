"""Counts the events of one actor in a dateline JSON Lines file with DuckDB.

The same question as `dateline list FILE --actor ID --count`, asked the way a
DuckDB user would: read_json over the file, then a filter. Prints the count.
"""

import sys

import duckdb

path, actor = sys.argv[1], sys.argv[2]
query = """
SELECT count(*) FROM read_json(?, format = 'newline_delimited',
    columns = {'event': 'STRUCT(id VARCHAR, actors STRUCT(id VARCHAR, role VARCHAR)[])'})
WHERE list_contains(list_transform(event.actors, lambda a: a.id), ?)
"""
print(duckdb.connect().execute(query, [path, actor]).fetchone()[0])
