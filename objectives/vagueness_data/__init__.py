"""The vagueness model's training pieces and its training (`train.py`)."""
