"""Exchange: the check report, exports (W3C, ClaimReview, reports) and import."""
