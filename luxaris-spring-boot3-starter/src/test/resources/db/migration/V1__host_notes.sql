-- the host application's own migration, run by Boot's Flyway beside Luxaris's
CREATE TABLE host_note (id integer PRIMARY KEY, body varchar(100) NOT NULL);
