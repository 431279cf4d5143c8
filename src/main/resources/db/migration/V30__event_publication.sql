-- Spring Modulith's JDBC event publication registry (the columns of spring-modulith-events-jdbc
-- 2.1's schema v2): one row per event and @ApplicationModuleListener, written in the publishing
-- transaction and marked COMPLETED by the listener, so a listener that fails or is cut off by a
-- crash after the commit is run again (EventPublicationUpkeep). Unbounded varchar (text in
-- PostgreSQL) where Modulith uses text; H2 reads text as a CLOB, which its queries cannot compare.
create table event_publication (
    id                      uuid                     primary key,
    listener_id             varchar                  not null,
    event_type              varchar                  not null,
    serialized_event        varchar                  not null,
    publication_date        timestamp with time zone not null,
    completion_date         timestamp with time zone,
    status                  varchar(20),
    completion_attempts     int,
    last_resubmission_date  timestamp with time zone
);
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_status on event_publication (status);

-- A lease, so one app instance at a time looks for failed publications and claims them.
create table event_publication_lease (
    name            varchar(32)              primary key,
    locked_until    timestamp with time zone,
    locked_by       varchar(200)
);
insert into event_publication_lease (name) values ('resubmission');
