"""Scale-out on Ray, the optional extra ``verisight[ray]``.

``pipeline`` builds index shards with Ray Data (extract → chunk → embed), ``shards`` serves them from Ray actors
with scatter-gather search, ``crawl`` splits a crawl by host across Ray actors. Nothing here is imported unless
a ``--ray`` flag asks for it; without Ray everything runs on one machine as before.
"""
