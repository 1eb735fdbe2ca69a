-- 0025: feedback is Sent only when a real sender accepted it (R-PL-06, ADR 0020); data only, no schema change.
-- The old "recording" sender marked messages Sent that were never delivered: they become NoChannel, visibly unsent,
-- for the city or the town to send again once a channel is configured.
UPDATE appeal_messages SET state = 'NoChannel', sent_at = NULL, sender = NULL,
    last_error = '未配置发送渠道（曾显示为已发送，实际未送达） / no sender was configured; it was shown as sent but never delivered'
WHERE state = 'Sent' AND sender = 'recording';

-- A message whose attempt failed used to wait as Pending; it now says it is retrying.
UPDATE appeal_messages SET state = 'Retrying' WHERE state = 'Pending' AND attempts > 0;

-- Verification codes "sent" the same way went nowhere either (and have long expired).
UPDATE contact_messages SET state = 'NoChannel', sent_at = NULL, body = '（未发送：未配置短信发送渠道）',
    last_error = '未配置短信发送渠道 / no SMS gateway configured'
WHERE state = 'Sent' AND sender = 'recording';

-- Portal appeals were stored as WeChat-account ones, and their feedback addressed to WeChat with a phone number:
-- the portal keeps its own channel and answers by text message to the phone given.
UPDATE appeals SET channel = 'Portal' WHERE channel = 'WeChatAccount' AND created_by_name = 'public-portal';

UPDATE appeal_messages SET channel = 'Sms'
WHERE channel = 'WeChat' AND appeal_id IN (SELECT id FROM appeals WHERE channel = 'Portal');
