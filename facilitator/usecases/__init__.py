"""Use cases: load through the store, decide in the domain, save in one transaction,
and say what the screens must be told. Views and socket handlers call these; they
never import views or sockets."""
