"""The ontology files, shipped inside the package as ``kg._ontology`` (see kg/ontology.py)."""
