-- 0011: number series. Record numbers (MS/MW/ZD + year) come from one row per series moved on atomically, instead
-- of counting rows, so parallel creation cannot hand out the same number. A series starts at its existing count.
CREATE TABLE number_series (
    series character varying(20) NOT NULL,
    last_value bigint NOT NULL,
    CONSTRAINT "PK_number_series" PRIMARY KEY (series)
);
