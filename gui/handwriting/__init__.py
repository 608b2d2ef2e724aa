"""Your handwriting: drawings you labelled, kept to teach the network how you write."""
