"""Analyses of the support network: plain functions of a NetworkX graph (read once by network.read_graph)
that return dataclasses named for the question they answer."""
