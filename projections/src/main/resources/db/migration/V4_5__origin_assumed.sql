-- A fourth origin: ASSUMED, for what a scenario declares without a source (its exchange rates). The constraint is
-- the one V2_0 created on proj_provenance.origin; the other origin columns are free text copied from it.
ALTER TABLE proj_provenance DROP CONSTRAINT IF EXISTS proj_provenance_origin_check;
ALTER TABLE proj_provenance ADD CONSTRAINT proj_provenance_origin_check
    CHECK (origin IN ('DOCUMENTED', 'DERIVED', 'SIMULATED', 'ASSUMED'));
