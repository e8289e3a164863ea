"""Themes found in notes: similarity (words, compounds, thesaurus, optional sentence
vectors), spectral clustering, labels, and the ARI score used to measure it."""
