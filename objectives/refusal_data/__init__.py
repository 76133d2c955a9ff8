"""Labelled refusal data: hand-written parts, the composer, and the head's training script."""
