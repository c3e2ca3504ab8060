import { sql, type Kysely } from 'kysely';

/**
 * Who may see a family, kept on the family row for the lists (issue 6). A KOV sees a family through
 * three paths (its municipality, guardian KOV, a referral it made), a provider through three more
 * (intake, referral, episode) and a family supporter through an episode assigned to them. As an OR
 * of EXISTS subqueries the planner can only walk every family newest-first and test each: the
 * benchmark found the smallest municipality's family list reading all 25,000 families (43 ms) to
 * find its 41, and growing with the table.
 *
 * `access_org_ids` (KOVs and providers on any path) and `access_user_ids` (supporters) are kept by
 * triggers on every table a path runs through, and GIN-indexed. The policy ANDs the array test with
 * the full path condition, so the arrays only narrow the search: a stale array can hide a family,
 * never show one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table families add column access_org_ids uuid[] not null default '{}', add column access_user_ids uuid[] not null default '{}'`.execute(db);

  await sql`
    create function family_access_orgs(fid uuid, kov uuid, guardian uuid, intake uuid) returns uuid[] language sql stable as $$
      select coalesce(array_agg(distinct o order by o), '{}') from (
        select kov as o union all select guardian union all select intake
        union all select r.kov_organisation_id from family_referrals r where r.family_id = fid
        union all select r.provider_organisation_id from family_referrals r where r.family_id = fid
        union all select e.provider_organisation_id from family_episodes e where e.family_id = fid
      ) paths where o is not null
    $$`.execute(db);
  await sql`
    create function family_access_users(fid uuid) returns uuid[] language sql stable as $$
      select coalesce(array_agg(distinct s.user_id order by s.user_id), '{}')
      from family_episodes e join provider_specialists s on s.id = e.specialist_id where e.family_id = fid
    $$`.execute(db);
  await sql`
    create function family_access_refresh(fid uuid) returns void language sql as $$
      update families set
        access_org_ids = family_access_orgs(id, kov_organisation_id, guardian_kov_organisation_id, intake_provider_id),
        access_user_ids = family_access_users(id)
      where id = fid
    $$`.execute(db);

  // The family's own columns: computed before the row is written.
  await sql`
    create function families_access_own() returns trigger language plpgsql as $$
    begin
      new.access_org_ids := family_access_orgs(new.id, new.kov_organisation_id, new.guardian_kov_organisation_id, new.intake_provider_id);
      new.access_user_ids := family_access_users(new.id);
      return new;
    end $$`.execute(db);
  await sql`create trigger families_access_own before insert or update of kov_organisation_id, guardian_kov_organisation_id, intake_provider_id on families
    for each row execute function families_access_own()`.execute(db);

  // Referrals and episodes: the family (old and new, if it moved) is refreshed after the change.
  await sql`
    create function families_access_linked() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform family_access_refresh(old.family_id); end if;
      if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.family_id is distinct from old.family_id) then
        perform family_access_refresh(new.family_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger family_referrals_access after insert or delete or update of family_id, kov_organisation_id, provider_organisation_id on family_referrals
    for each row execute function families_access_linked()`.execute(db);
  await sql`create trigger family_episodes_access after insert or delete or update of family_id, provider_organisation_id, specialist_id on family_episodes
    for each row execute function families_access_linked()`.execute(db);

  // A supporter record pointing at another user moves every family of its episodes.
  await sql`
    create function provider_specialists_access() returns trigger language plpgsql as $$
    begin
      perform family_access_refresh(e.family_id) from (select distinct family_id from family_episodes where specialist_id = new.id) e;
      return null;
    end $$`.execute(db);
  await sql`create trigger provider_specialists_access after update of user_id on provider_specialists
    for each row execute function provider_specialists_access()`.execute(db);

  await sql`update families set access_org_ids = family_access_orgs(id, kov_organisation_id, guardian_kov_organisation_id, intake_provider_id), access_user_ids = family_access_users(id)`.execute(db);
  await sql`create index families_access_orgs on families using gin (access_org_ids)`.execute(db);
  await sql`create index families_access_users on families using gin (access_user_ids)`.execute(db);
}
