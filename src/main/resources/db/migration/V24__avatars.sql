-- People's avatars. Each user has an opaque key naming their avatar's URL (/avatars/<key>), not
-- their id, so the URL tells nothing of how many users a server has; a new key is drawn whenever
-- the picture changes (an upload, a removal, a new name for the initials), so the URL can be
-- cached for good. An uploaded picture is kept here, at most 512 KB of PNG, JPEG, GIF or WebP;
-- without one the server draws the person's initials.
ALTER TABLE app_user ADD COLUMN avatar_key uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE app_user ADD CONSTRAINT app_user_avatar_key_uq UNIQUE (avatar_key);

CREATE TABLE avatar_image (
    user_id      bigint      NOT NULL,
    content_type text        NOT NULL,
    bytes        bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT avatar_image_pk PRIMARY KEY (user_id),
    CONSTRAINT avatar_image_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT avatar_image_type_ck CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    CONSTRAINT avatar_image_size_ck CHECK (octet_length(bytes) BETWEEN 1 AND 524288)
);
