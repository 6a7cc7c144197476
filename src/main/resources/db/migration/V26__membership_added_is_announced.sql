-- A signed-in person's pages remember the accounts they may act in (SignedIn, decision 011), so a
-- membership added — by the admin command line, a second server, an operator — is announced like
-- any other change to memberships (V12 left inserts out: until pages, no server remembered the
-- absence of a membership).
CREATE TRIGGER membership_added AFTER INSERT ON membership FOR EACH STATEMENT
    EXECUTE FUNCTION notify_actors_changed();
