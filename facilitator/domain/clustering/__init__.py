"""Themes found in notes: similarity (words, compounds, thesaurus, optional sentence
vectors), average-linkage clustering, labels, and the ARI score used to measure it."""
