-- Toolkit: training lessons for leaders, written and translated by staff (Markdown), and each
-- leader's progress through them per campaign.

create table toolkit_lessons (
    slug        varchar(40)              primary key,
    position    integer                  not null,
    title_en    varchar(400)             not null,
    title_es    varchar(400)             not null,
    body_en     varchar(80000)           not null,
    body_es     varchar(80000)           not null,
    updated_by  varchar(64)              not null,
    updated_at  timestamp with time zone not null
);

create table toolkit_lesson_progress (
    account_id   varchar(64)              not null,
    campaign_id  bigint                   not null references campaigns (id) on delete cascade,
    lesson_slug  varchar(40)              not null references toolkit_lessons (slug),
    completed_at timestamp with time zone not null,
    primary key (account_id, campaign_id, lesson_slug)
);

-- A first version of each lesson, for staff to improve in the admin pages.
insert into toolkit_lessons (slug, position, title_en, title_es, body_en, body_es, updated_by, updated_at) values
('how-a-campaign-works', 1, 'How a campaign works', 'Cómo funciona una campaña',
'A 287(g) agreement is a choice made by one sheriff or police chief. A campaign asks that person, in public and with many names behind it, to end it.

1. **Learn the agreement.** The campaign page shows the model (JEM, TFM or WSO), when it was signed and the MOA when ICE published it.
2. **Write the petition** in your own words on your dashboard, or keep the sample.
3. **Gather signatures** online and on paper, and set a goal you can reach.
4. **Deliver** the petition to the sheriff or chief, with neighbours beside you, and tell the press.
5. **Follow up** until the agreement ends: ask for a meeting, go to county commission meetings, keep your signers informed with updates.',
'Un acuerdo 287(g) es una decisión de un alguacil o de un jefe de policía. Una campaña le pide a esa persona, en público y con muchos nombres detrás, que lo termine.

1. **Conozca el acuerdo.** La página de la campaña muestra el modelo (JEM, TFM o WSO), cuándo se firmó y el MOA cuando ICE lo publicó.
2. **Escriba la petición** con sus propias palabras en su panel, o use el ejemplo.
3. **Reúna firmas** en línea y en papel, y fije una meta que pueda alcanzar.
4. **Entregue** la petición al alguacil o al jefe, con vecinos a su lado, y avise a la prensa.
5. **Dé seguimiento** hasta que el acuerdo termine: pida una reunión, asista a las reuniones del condado y mantenga informadas a las personas que firmaron.',
'system', current_timestamp),
('telling-your-story', 2, 'Telling your story', 'Contar su historia',
'People sign because of people, not statistics. Say in two or three sentences:

- **Who you are**: a parent, a worker, a neighbour, a member of a congregation.
- **Why this matters to you**: what you have seen in your county, or what you fear.
- **What you ask**: that the sheriff end the agreement, and that the listener sign.

Never share someone else''s story, name or immigration status without their clear permission. Your own story is enough.',
'La gente firma por otras personas, no por estadísticas. Diga en dos o tres frases:

- **Quién es usted**: madre o padre, trabajador, vecino, miembro de una congregación.
- **Por qué le importa**: lo que ha visto en su condado, o lo que teme.
- **Qué pide**: que el alguacil termine el acuerdo, y que quien le escucha firme.

Nunca comparta la historia, el nombre o el estatus migratorio de otra persona sin su permiso claro. Su propia historia es suficiente.',
'system', current_timestamp),
('talking-to-neighbours-safely', 3, 'Talking to neighbours safely', 'Hablar con los vecinos de forma segura',
'- Go in pairs, in daylight, and tell someone where you are.
- Introduce yourself and the campaign; ask, never insist. A closed door is an answer.
- **Never ask anyone about their immigration status**, and never write it down. The petition does not need it.
- Signing is voluntary; the e-mail address is optional on paper sheets.
- Keep signed sheets with you and type them in soon; do not leave them in a car or photograph them.
- If police or ICE approach, stay calm, do not run, and know your rights: you may remain silent.',
'- Vaya en pareja, de día, y avise a alguien de dónde está.
- Preséntese y presente la campaña; pida, nunca insista. Una puerta cerrada es una respuesta.
- **Nunca pregunte a nadie por su estatus migratorio**, ni lo anote. La petición no lo necesita.
- Firmar es voluntario; el correo electrónico es opcional en las hojas de papel.
- Guarde las hojas firmadas con usted y escríbalas pronto; no las deje en un auto ni les tome fotos.
- Si se acerca la policía o ICE, mantenga la calma, no corra y conozca sus derechos: puede guardar silencio.',
'system', current_timestamp),
('delivering-a-petition', 4, 'Delivering a petition', 'Entregar una petición',
'- Ask for a meeting with the sheriff or chief by phone and in writing; keep a copy of the request.
- Bring the delivery packet from your dashboard (it lists names and cities, never e-mail addresses) and a few people who signed.
- Speak briefly: who you are, how many signed, what you ask, and by when you expect an answer.
- Take a photo, record the delivery on your dashboard, and post an update to your signers.
- If nobody receives you, leave the packet at the front desk, ask for a stamped copy, and say so publicly.',
'- Pida una reunión con el alguacil o el jefe por teléfono y por escrito; guarde una copia de la solicitud.
- Lleve el paquete de entrega de su panel (lista nombres y ciudades, nunca correos) y a algunas personas que firmaron.
- Hable poco: quiénes son, cuántas personas firmaron, qué piden y para cuándo esperan una respuesta.
- Tome una foto, registre la entrega en su panel y publique una novedad para quienes firmaron.
- Si nadie les recibe, deje el paquete en la recepción, pida una copia sellada y dígalo en público.',
'system', current_timestamp),
('talking-to-the-press', 5, 'Talking to the press', 'Hablar con la prensa',
'- Send a short press release the day before the delivery: what, when, where, who speaks, one sentence of why.
- Prepare three points and repeat them: what the agreement does, how many neighbours signed, what you ask.
- Use the facts on the handout (agency, model, signed date) and the talking points with their sources.
- Say "I don''t know, I will find out" rather than guess.
- Never speak for someone affected by an agreement; invite them only if they choose to speak.',
'- Envíe un comunicado corto el día antes de la entrega: qué, cuándo, dónde, quién habla y una frase de por qué.
- Prepare tres puntos y repítalos: qué hace el acuerdo, cuántos vecinos firmaron y qué piden.
- Use los datos de la hoja informativa (agencia, modelo, fecha de firma) y los argumentos con sus fuentes.
- Diga "no lo sé, lo averiguaré" en lugar de adivinar.
- Nunca hable por una persona afectada por un acuerdo; invítela solo si ella decide hablar.',
'system', current_timestamp),
('staying-safe-online', 6, 'Staying safe online', 'Protegerse en internet',
'- Use a passkey or a strong, unique password for your e-mail and social accounts, with two-step sign-in.
- Share the campaign page, not signers'' names: the public page shows only what each signer chose.
- Do not answer trolls; hide or report abusive comments and tell the end287g team about threats.
- Think before posting photos of events: blur the faces of people who did not agree to appear.
- Treat the delivery packet and paper sheets as personal data: do not post them or send them to anyone but the target.',
'- Use una llave de acceso o una contraseña segura y única para su correo y sus redes, con verificación en dos pasos.
- Comparta la página de la campaña, no los nombres de quienes firmaron: la página pública muestra solo lo que cada persona eligió.
- No responda a los provocadores; oculte o denuncie los comentarios abusivos y avise al equipo de end287g de las amenazas.
- Piénselo antes de publicar fotos de eventos: difumine las caras de quienes no aceptaron aparecer.
- Trate el paquete de entrega y las hojas de papel como datos personales: no los publique ni los envíe a nadie más que al destinatario.',
'system', current_timestamp);
