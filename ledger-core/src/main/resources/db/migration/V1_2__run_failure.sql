-- Why a run failed or was abandoned, shown to the analyst who reruns it.
ALTER TABLE ledger_run ADD COLUMN failure TEXT;
