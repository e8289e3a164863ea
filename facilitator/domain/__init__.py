"""Pure domain logic: no Flask, SQL or Socket.IO imports here.

Time and randomness are parameters so every function is a table of inputs
and outputs in the tests.
"""
