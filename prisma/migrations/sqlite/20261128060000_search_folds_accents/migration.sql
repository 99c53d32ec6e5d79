-- Nothing to change here: FTS5's unicode61 tokenizer (remove_diacritics 2) already folds
-- accents. The PostgreSQL migration of the same name makes its search do the same.
SELECT 1;
