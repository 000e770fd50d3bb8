package heard.command.sms;

/**
 * The answers texted back, in the route's language or, when the language is not known, in both. A text
 * message is too short for the pages' bundles to be worth sharing with the write side; these are all of them.
 */
final class SmsReplies {
    private SmsReplies() {
    }

    static String received(String language, String receiptUrl) {
        return language.startsWith("es")
                ? "Gracias: recibimos su opinión. Siga lo que pasa con ella aquí: " + receiptUrl
                        + " Le avisaremos por SMS. Responda STOP para no recibir más."
                : "Thank you: we received your feedback. Follow what becomes of it here: " + receiptUrl
                        + " We will text you when something happens. Reply STOP to stop.";
    }

    static final String HELP = "Heard: text your feedback to this number; we text you back a link to follow it."
            + " STOP ends our messages, START resumes them. / Heard: envíe su opinión a este número y le"
            + " responderemos con un enlace para seguirla. STOP detiene los mensajes, START los reanuda.";

    static final String STOPPED = "Heard: you will get no more messages from us. Text START to resume."
            + " / Heard: no le enviaremos más mensajes. Envíe START para reanudarlos.";

    static final String STARTED = "Heard: we will text you again when something happens to your feedback."
            + " / Heard: le volveremos a escribir cuando pase algo con su opinión.";

    static final String UNROUTED = "Heard: we could not tell which question your text answers. Begin it with the"
            + " question's code. / Heard: no sabemos a qué pregunta responde su mensaje. Empiécelo con el código"
            + " de la pregunta.";

    static final String REFUSED = "Heard: we could not record this text; it may be too long."
            + " / Heard: no pudimos registrar este mensaje; puede ser demasiado largo.";
}
