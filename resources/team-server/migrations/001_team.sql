-- Qiyue team store, schema 1: departments, users and their installations, each department's
-- contracts (originals by SHA-256, their text for search) and the immutable events of the work
-- on them (annotations, checklist states, sign-offs), every change an audit row.
--
-- Access: the sync service logs in as qiyue_service and, per request, SET LOCAL ROLE to the
-- signed-in user's role (qiyue_reviewer, qiyue_section_chief, qiyue_auditor) with the user and
-- department in qiyue.user / qiyue.department; grants give each role what it may do (the
-- auditor reads only), row-level security keeps each department to its own rows and a reviewer
-- from signing off. Applied in order by `npm run server -- migrate` as the database's owner.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['qiyue_service', 'qiyue_reviewer', 'qiyue_section_chief', 'qiyue_auditor'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$$;

GRANT qiyue_reviewer, qiyue_section_chief, qiyue_auditor TO qiyue_service;

CREATE TABLE departments (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  department text NOT NULL REFERENCES departments,
  role text NOT NULL CHECK (role IN ('reviewer', 'section_chief', 'auditor')),
  -- scrypt, as `electron/team/db.ts` writes it: scrypt$<salt b64>$<key b64>
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A desktop's Ed25519 key (identity/ed25519.json), bound to the user who first signed in with it.
CREATE TABLE installations (
  fingerprint text PRIMARY KEY,
  public_key text NOT NULL,
  user_id uuid NOT NULL REFERENCES users,
  registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users,
  installation text NOT NULL REFERENCES installations,
  expires_at timestamptz NOT NULL
);

-- One order for every change of a department: a client pulls what came after the last it saw.
-- Writers of a department take its advisory lock first, so numbers are committed in order.
CREATE SEQUENCE change_seq;

CREATE TABLE contracts (
  department text NOT NULL REFERENCES departments,
  id text NOT NULL CHECK (id ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  format text NOT NULL,
  size integer NOT NULL,
  title text,
  imported_by uuid NOT NULL REFERENCES users,
  installation text NOT NULL REFERENCES installations,
  imported_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  original bytea NOT NULL,
  -- The contract's text as the importing desktop read it, for the team's search.
  text text NOT NULL DEFAULT '',
  PRIMARY KEY (department, id)
);
CREATE INDEX contracts_by_seq ON contracts (department, seq);
-- The stock text search parser does not segment Chinese (zhparser / pg_jieba are not in
-- Debian): trigrams over the text serve LIKE '%…%' for any script.
CREATE INDEX contracts_text_trgm ON contracts USING gin (text gin_trgm_ops);

CREATE TABLE events (
  id uuid PRIMARY KEY,
  department text NOT NULL,
  contract_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('annotation', 'checklist', 'signoff')),
  author uuid NOT NULL REFERENCES users,
  installation text NOT NULL REFERENCES installations,
  -- Hybrid logical clock of the author's desktop: <ms, 13 digits>-<counter, 6>-<fingerprint>.
  hlc text NOT NULL,
  body jsonb NOT NULL,
  -- The installation's Ed25519 signature of the event (`electron/team/protocol.ts`).
  signature text NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  received_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (department, contract_id) REFERENCES contracts (department, id)
);
CREATE INDEX events_by_seq ON events (department, seq);

CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  department text,
  user_id uuid,
  installation text,
  action text NOT NULL,
  contract_id text,
  detail jsonb
);

-- Every contract and event written is an audit row, whoever wrote it.
CREATE FUNCTION audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_TABLE_NAME = 'contracts' THEN
    INSERT INTO audit (department, user_id, installation, action, contract_id, detail)
    VALUES (NEW.department, NEW.imported_by, NEW.installation, 'contract.add', NEW.id,
            jsonb_build_object('fileName', NEW.file_name, 'size', NEW.size));
  ELSE
    INSERT INTO audit (department, user_id, installation, action, contract_id, detail)
    VALUES (NEW.department, NEW.author, NEW.installation, 'event.' || NEW.kind, NEW.contract_id,
            jsonb_build_object('event', NEW.id, 'hlc', NEW.hlc));
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER contracts_audit AFTER INSERT ON contracts FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER events_audit AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION audit_change();

-- The service itself (before a user is known): sign-in, installations, sessions, sign-in audit.
GRANT SELECT ON departments, users TO qiyue_service;
GRANT SELECT, INSERT ON installations TO qiyue_service;
GRANT SELECT, INSERT, DELETE ON sessions TO qiyue_service;
GRANT INSERT ON audit TO qiyue_service;
GRANT USAGE ON SEQUENCE audit_id_seq TO qiyue_service;

-- The users' roles.
GRANT SELECT (id, name, department, role) ON users TO qiyue_reviewer, qiyue_section_chief, qiyue_auditor;
GRANT SELECT ON contracts, events TO qiyue_reviewer, qiyue_section_chief, qiyue_auditor;
GRANT INSERT ON contracts, events TO qiyue_reviewer, qiyue_section_chief;
GRANT USAGE ON SEQUENCE change_seq TO qiyue_reviewer, qiyue_section_chief;
GRANT SELECT ON audit TO qiyue_auditor, qiyue_section_chief;

ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contracts FORCE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;

CREATE POLICY department_reads ON contracts FOR SELECT
  USING (department = current_setting('qiyue.department', true));
CREATE POLICY members_import ON contracts FOR INSERT TO qiyue_reviewer, qiyue_section_chief
  WITH CHECK (department = current_setting('qiyue.department', true)
              AND imported_by = current_setting('qiyue.user', true)::uuid);

CREATE POLICY department_reads ON events FOR SELECT
  USING (department = current_setting('qiyue.department', true));
CREATE POLICY reviewers_annotate ON events FOR INSERT TO qiyue_reviewer
  WITH CHECK (department = current_setting('qiyue.department', true)
              AND author = current_setting('qiyue.user', true)::uuid
              AND kind <> 'signoff');
CREATE POLICY chiefs_sign ON events FOR INSERT TO qiyue_section_chief
  WITH CHECK (department = current_setting('qiyue.department', true)
              AND author = current_setting('qiyue.user', true)::uuid);

CREATE POLICY department_reads ON audit FOR SELECT
  USING (department = current_setting('qiyue.department', true));
CREATE POLICY service_writes ON audit FOR INSERT TO qiyue_service WITH CHECK (true);
