"""The Evaluate view: a model over a labelled data set, its confusion matrix and its mistakes."""
