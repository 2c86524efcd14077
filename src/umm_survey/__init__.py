"""umm-survey: a curated catalogue of unified multimodal models, and its toolchain."""

__version__ = "0.1.0"
