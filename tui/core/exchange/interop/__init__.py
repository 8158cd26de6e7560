"""Exchange with other annotation tools: JSON-LD contexts, selectors, URLs, ClaimReview.

Nothing here reaches the network: the W3C context ships in this folder and
the JSON-LD document loader serves only that.
"""
