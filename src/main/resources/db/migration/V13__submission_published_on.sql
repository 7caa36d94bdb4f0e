-- When a round's report was published (given in the manifest, or the page's own date): which of two reports with
-- the same section 五 came first decides which one copied the other.
ALTER TABLE round_submission ADD COLUMN published_on DATE;
