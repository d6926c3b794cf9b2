-- The time a figure refers to when its sentence states it ("as of Sunday"): Figure.asOf of the
-- analysis. All of start/end/text/relative present, or none; value is null when unresolved.
ALTER TABLE figures
  ADD COLUMN as_of_start    integer CHECK (as_of_start >= 0),
  ADD COLUMN as_of_end      integer CHECK (as_of_end >= as_of_start),
  ADD COLUMN as_of_text     text,
  ADD COLUMN as_of_value    text,
  ADD COLUMN as_of_relative boolean;
