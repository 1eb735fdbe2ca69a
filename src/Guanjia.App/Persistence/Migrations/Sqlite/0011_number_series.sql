-- 0011: number series. Record numbers (MS/MW/ZD + year) come from one row per series moved on atomically, instead
-- of counting rows, so parallel creation cannot hand out the same number. A series starts at its existing count.
CREATE TABLE "number_series" (
    "series" TEXT NOT NULL CONSTRAINT "PK_number_series" PRIMARY KEY,
    "last_value" INTEGER NOT NULL
);
