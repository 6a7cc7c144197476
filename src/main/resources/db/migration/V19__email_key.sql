-- One spelling rule for email addresses, used wherever one is compared: finding a user, keeping
-- emails unique, and counting failed sign-ins (SignInThrottle). Only ASCII letters fold: lower()
-- follows the cluster's locale and Java's toLowerCase its own tables, and where the two disagree
-- (U+0130, 'İ') an email could find a user under one key and be counted under another.
CREATE FUNCTION email_key(email text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate(btrim(email, E' \t\r\n'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');

DROP INDEX app_user_email_uq;
CREATE UNIQUE INDEX app_user_email_uq ON app_user (email_key(email));

-- Keys written before this migration were folded by Java; bring them under the same rule.
DELETE FROM sign_in_failure f
 WHERE email <> email_key(email)
   AND EXISTS (SELECT 1 FROM sign_in_failure g WHERE g.email = email_key(f.email));
UPDATE sign_in_failure SET email = email_key(email) WHERE email <> email_key(email);
