"""Reads a GDELT 2.0 Events export into a DuckDB table, every column, the
way a DuckDB user opens the file before asking it anything: the same
read_csv as duckdb_gdelt_count.py, without its filter, so that no column
is left unread. Prints the table's row count.

Opening the file is what `dateline FILE` does on a first load (every field
it maps, read, checked and indexed); the count script is the other
yardstick, a query that reads only the three columns it tests.

    duckdb_gdelt_table.py FILE
"""

import sys

import duckdb

path = sys.argv[1]
db = duckdb.connect()
db.execute(
    """
CREATE TABLE events AS SELECT * FROM read_csv(?, delim = '\t', header = false, quote = '',
    escape = '', null_padding = true)
""",
    [path],
)
print(db.execute("SELECT count(*) FROM events").fetchone()[0])
