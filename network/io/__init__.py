"""Files and formats: CSV folders, Excel workbooks, Kumu spreadsheets, uploads, atomic writes.

One module per format, each with its reader beside its writer; ``folder.load_dataset``
is the loader every reader shares.
"""
