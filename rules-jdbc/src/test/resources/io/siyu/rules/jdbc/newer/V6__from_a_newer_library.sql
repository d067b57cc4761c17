-- A migration of a siyu-rules newer than this one, for the test that such a database is refused.
CREATE TABLE siyu_funnel_from_the_future (id INT NOT NULL PRIMARY KEY);
