<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>Listen URL</source>
        <translation>URL d’écoute</translation>
    </message>
    <message>
        <source>Proxy state</source>
        <translation>État du proxy</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copier l’URL</translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation>Copier l’URL de base dans le presse-papiers</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Essayer</translation>
    </message>
    <message>
        <source>Client configuration example</source>
        <translation>Exemple de configuration du client</translation>
    </message>
    <message>
        <source>Copy e&amp;xample</source>
        <translation>Copier l’e&amp;xemple</translation>
    </message>
    <message>
        <source>Copy the example commands to the clipboard</source>
        <translation>Copier les commandes d’exemple dans le presse-papiers</translation>
    </message>
    <message>
        <source>Setup hint</source>
        <translation>Aide à la configuration</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Points de terminaison</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Journal des requêtes</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Arrêt d’urgence</translation>
    </message>
    <message>
        <source>&lt;b&gt;All traffic is stopped.&lt;/b&gt; The kill switch refuses every inference request with 503 until you resume traffic.</source>
        <translation>&lt;b&gt;Tout le trafic est arrêté.&lt;/b&gt; L’arrêt d’urgence refuse chaque requête d’inférence avec 503 jusqu’à la reprise du trafic.</translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation>Reprendre le &amp;trafic</translation>
    </message>
    <message>
        <source>Release the kill switch and serve requests again</source>
        <translation>Désactiver l’arrêt d’urgence et servir à nouveau les requêtes</translation>
    </message>
</context>
<context>
    <name>llmproxy::DesktopShell</name>
    <message>
        <source>LLMProxy keeps running in the system tray. Choose Quit in its menu to stop it.</source>
        <translation>LLMProxy continue de fonctionner dans la zone de notification. Choisissez Quitter dans son menu pour l’arrêter.</translation>
    </message>
    <message>
        <source>&amp;Open LLMProxy</source>
        <translation>&amp;Ouvrir LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Pause proxy</source>
        <translation>Mettre le proxy en &amp;pause</translation>
    </message>
    <message>
        <source>Answer inference requests with 503 until resumed</source>
        <translation>Répondre 503 aux requêtes d’inférence jusqu’à la reprise</translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation>&amp;Recharger la configuration</translation>
    </message>
    <message>
        <source>&amp;Copy base URL</source>
        <translation>&amp;Copier l’URL de base</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About LLMProxy</source>
        <translation>À &amp;propos de LLMProxy</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>About LLMProxy</source>
        <translation>À propos de LLMProxy</translation>
    </message>
    <message>
        <source>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;A security gateway for LLM traffic: one OpenAI-compatible endpoint in front of local and hosted models.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;Une passerelle de sécurité pour le trafic LLM : un point de terminaison compatible OpenAI devant des modèles locaux et hébergés.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Stop all traffic</source>
        <translation>&amp;Arrêter tout le trafic</translation>
    </message>
    <message>
        <source>Kill switch: refuse every inference request at once, until you release it</source>
        <translation>Arrêt d’urgence : refuser immédiatement chaque requête d’inférence, jusqu’à sa désactivation</translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation>Ouvrir le fichier de &amp;configuration</translation>
    </message>
    <message>
        <source>Edit the configuration file; Reload configuration applies it</source>
        <translation>Modifier le fichier de configuration ; « Recharger la configuration » l’applique</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>Aucun fichier de configuration n’est utilisé ; démarrez LLMProxy avec --config FICHIER.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Impossible de créer %1 : %2</translation>
    </message>
    <message>
        <source>No application opens %1; edit it with any text editor.</source>
        <translation>Aucune application n’ouvre %1 ; modifiez-le avec un éditeur de texte.</translation>
    </message>
    <message>
        <source>Opened %1. Save it, then choose Reload configuration to apply it.</source>
        <translation>%1 ouvert. Enregistrez-le, puis choisissez « Recharger la configuration » pour l’appliquer.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>tout modèle</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Indisponible</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Open — retrying with the next request</source>
        <translation>Ouvert — nouvel essai à la prochaine requête</translation>
    </message>
    <message>
        <source>Open — retrying in %1 min</source>
        <translation>Ouvert — nouvel essai dans %1 min</translation>
    </message>
    <message>
        <source>Open — retrying in %1 s</source>
        <translation>Ouvert — nouvel essai dans %1 s</translation>
    </message>
    <message>
        <source>Half-open — testing one request</source>
        <translation>Semi-ouvert — une requête de test en cours</translation>
    </message>
    <message>
        <source>Enabled — failures in a row: %1</source>
        <translation>Activé — échecs consécutifs : %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>From the configuration file</source>
        <translation>Depuis le fichier de configuration</translation>
    </message>
    <message>
        <source>From the environment</source>
        <translation>Depuis l’environnement</translation>
    </message>
    <message>
        <source>Detected on this machine</source>
        <translation>Détecté sur cette machine</translation>
    </message>
    <message>
        <source>Added through the admin API</source>
        <translation>Ajouté via l’API d’administration</translation>
    </message>
    <message>
        <source>API key: set</source>
        <translation>Clé d’API : définie</translation>
    </message>
    <message>
        <source>API key: none</source>
        <translation>Clé d’API : aucune</translation>
    </message>
    <message>
        <source>Untick to stop routing requests here.</source>
        <translation>Décochez pour ne plus acheminer de requêtes ici.</translation>
    </message>
    <message>
        <source>Tick to route requests here again.</source>
        <translation>Cochez pour acheminer à nouveau des requêtes ici.</translation>
    </message>
    <message>
        <source>Serves any model it is asked for.</source>
        <translation>Sert tout modèle demandé.</translation>
    </message>
    <message>
        <source>Switched off: no request is routed here until it is enabled again.</source>
        <translation>Désactivé : aucune requête n’est acheminée ici tant qu’il n’est pas réactivé.</translation>
    </message>
    <message>
        <source>Circuit breaker open (failures in a row: %1): requests skip this endpoint until a test request succeeds.</source>
        <translation>Disjoncteur ouvert (échecs consécutifs : %1) : les requêtes évitent ce point de terminaison jusqu’à ce qu’une requête de test réussisse.</translation>
    </message>
    <message>
        <source>Circuit breaker half-open: one test request is on its way; its success closes the breaker.</source>
        <translation>Disjoncteur semi-ouvert : une requête de test est en cours ; sa réussite referme le disjoncteur.</translation>
    </message>
    <message>
        <source>Circuit breaker closed: requests are routed here.</source>
        <translation>Disjoncteur fermé : les requêtes sont acheminées ici.</translation>
    </message>
    <message>
        <source>The last health check succeeded.</source>
        <translation>La dernière vérification d’état a réussi.</translation>
    </message>
    <message>
        <source>The last health check failed.</source>
        <translation>La dernière vérification d’état a échoué.</translation>
    </message>
    <message>
        <source>Found running on this machine.</source>
        <translation>Trouvé en service sur cette machine.</translation>
    </message>
    <message>
        <source>Health checks are off for this endpoint (probe: false).</source>
        <translation>Les vérifications de santé sont désactivées pour ce point de terminaison (probe: false).</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <source>No request has been answered yet.</source>
        <translation>Aucune requête n’a encore reçu de réponse.</translation>
    </message>
    <message>
        <source>Requests: %1, failed: %2</source>
        <translation>Requêtes : %1, en échec : %2</translation>
    </message>
    <message>
        <source>Tick an endpoint to route requests to it, untick it to switch it off</source>
        <translation>Cochez un point de terminaison pour lui acheminer des requêtes, décochez-le pour le désactiver</translation>
    </message>
    <message>
        <source>Enabled or disabled, and the state of the circuit breaker</source>
        <translation>Activé ou désactivé, et l’état du disjoncteur</translation>
    </message>
    <message>
        <source>Result of the last health check</source>
        <translation>Résultat de la dernière vérification d’état</translation>
    </message>
    <message>
        <source>Moving average of the time successful requests took</source>
        <translation>Moyenne mobile de la durée des requêtes réussies</translation>
    </message>
    <message>
        <source>Moving average of the share of requests that succeeded</source>
        <translation>Moyenne mobile de la part des requêtes réussies</translation>
    </message>
    <message>
        <source>Requests answered by this endpoint since LLMProxy started</source>
        <translation>Requêtes traitées par ce point de terminaison depuis le démarrage de LLMProxy</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Réussite</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
</context>
<context>
    <name>llmproxy::MainWindow</name>
    <message>
        <source>Copy base URL</source>
        <translation>Copier l’URL de base</translation>
    </message>
    <message>
        <source>Copy example commands</source>
        <translation>Copier les commandes d’exemple</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>pas à l’écoute</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Pas à l’écoute</translation>
    </message>
    <message>
        <source>The proxy is not accepting connections.</source>
        <translation>Le proxy n’accepte pas de connexions.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Inference requests are answered with 503 until you resume the proxy.</source>
        <translation>Les requêtes d’inférence reçoivent 503 jusqu’à la reprise du proxy.</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Première configuration</translation>
    </message>
    <message>
        <source>No endpoint is configured: inference requests are answered with 503.</source>
        <translation>Aucun point de terminaison configuré : les requêtes d’inférence reçoivent 503.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Forwarding requests to the configured endpoints.</source>
        <translation>Les requêtes sont transmises aux points de terminaison configurés.</translation>
    </message>
    <message>
        <source>Create a configuration file with an &lt;code&gt;endpoints:&lt;/code&gt; section and start LLMProxy with &lt;code&gt;--config FILE&lt;/code&gt;.</source>
        <translation>Créez un fichier de configuration avec une section &lt;code&gt;endpoints:&lt;/code&gt; et lancez LLMProxy avec &lt;code&gt;--config FICHIER&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Or set &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; and &lt;code&gt;_PROVIDER&lt;/code&gt; in the environment or in a &lt;code&gt;.env&lt;/code&gt; file, and restart LLMProxy.</source>
        <translation>Ou définissez &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; et &lt;code&gt;_PROVIDER&lt;/code&gt; dans l’environnement ou dans un fichier &lt;code&gt;.env&lt;/code&gt;, puis redémarrez LLMProxy.</translation>
    </message>
    <message>
        <source>Or start a local server (Ollama, LM Studio, vLLM, llama.cpp) on its default port: LLMProxy detects it and offers it as an endpoint.</source>
        <translation>Ou lancez un serveur local (Ollama, LM Studio, vLLM, llama.cpp) sur son port par défaut : LLMProxy le détecte et le propose comme point de terminaison.</translation>
    </message>
    <message>
        <source>No endpoint is configured yet.</source>
        <translation>Aucun point de terminaison n’est encore configuré.</translation>
    </message>
    <message>
        <source>Requests to the proxy are answered with 503 until you add one:</source>
        <translation>Les requêtes au proxy reçoivent 503 jusqu’à ce que vous en ajoutiez un :</translation>
    </message>
    <message>
        <source>Configuration reloaded.</source>
        <translation>Configuration rechargée.</translation>
    </message>
    <message>
        <source>Configuration reloaded: %1</source>
        <translation>Configuration rechargée : %1</translation>
    </message>
    <message>
        <source>Reload failed, still using the previous configuration: %1</source>
        <translation>Échec du rechargement, la configuration précédente reste active : %1</translation>
    </message>
    <message>
        <source>Example copied to the clipboard.</source>
        <translation>Exemple copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Activé</translation>
    </message>
    <message>
        <source>Configured and detected endpoints with their state, health, latency and success rate. The check box of a row switches the endpoint on or off.</source>
        <translation>Points de terminaison configurés et détectés, avec leur statut, leur état, leur latence et leur taux de réussite. La case à cocher d’une ligne active ou désactive le point de terminaison.</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint</source>
        <translation>Acheminer les requêtes vers le point de terminaison sélectionné</translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation>Point de &amp;terminaison</translation>
    </message>
    <message>
        <source>Traffic stopped</source>
        <translation>Trafic arrêté</translation>
    </message>
    <message>
        <source>Kill switch on: every inference request is refused with 503 until you resume traffic.</source>
        <translation>Arrêt d’urgence actif : chaque requête d’inférence est refusée avec 503 jusqu’à la reprise du trafic.</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Aucun point de terminaison activé</translation>
    </message>
    <message>
        <source>Every endpoint is switched off: inference requests are answered with 503 until you tick one in the endpoint list.</source>
        <translation>Tous les points de terminaison sont désactivés : les requêtes d’inférence reçoivent 503 jusqu’à ce que vous en cochiez un dans la liste.</translation>
    </message>
    <message>
        <source>Endpoints down</source>
        <translation>Points de terminaison en panne</translation>
    </message>
    <message>
        <source>Every enabled endpoint is failing (circuit breaker open or health check failed): requests fail until one recovers.</source>
        <translation>Chaque point de terminaison activé échoue (disjoncteur ouvert ou vérification de santé échouée) : les requêtes échouent jusqu’à ce que l’un d’eux se rétablisse.</translation>
    </message>
    <message>
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1 (&lt;i&gt;Open configuration file&lt;/i&gt; creates it with examples), save it, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2): it applies the file without a restart.</source>
        <translation>Ajoutez un point de terminaison sous &lt;code&gt;endpoints:&lt;/code&gt; dans %1 (&lt;i&gt;Ouvrir le fichier de configuration&lt;/i&gt; le crée avec des exemples), enregistrez-le, puis choisissez &lt;i&gt;Recharger la configuration&lt;/i&gt; (%2) : le fichier est appliqué sans redémarrage.</translation>
    </message>
    <message>
        <source>%1 requests missing from the log</source>
        <translation>%1 requêtes absentes du journal</translation>
    </message>
    <message>
        <source>The log could not keep up: these requests were served but are not listed (the proxy&apos;s log output counts them too).</source>
        <translation>Le journal n’a pas suivi : ces requêtes ont été servies mais ne sont pas listées (la sortie de journal du proxy les compte aussi).</translation>
    </message>
</context>
<context>
    <name>llmproxy::RequestLogModel</name>
    <message>
        <source>%1 (stream)</source>
        <translation>%1 (flux)</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Requête %1</translation>
    </message>
    <message>
        <source>Client key: %1</source>
        <translation>Clé client : %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Point de terminaison : %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 ms</source>
        <translation>Surcoût de la passerelle : %1 ms</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latence (ms)</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Jetons en entrée</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Jetons en sortie</translation>
    </message>
    <message>
        <source>%1 attempts: retried or fell back to another endpoint</source>
        <translation>%1 tentatives : nouvel essai ou repli sur un autre point de terminaison</translation>
    </message>
    <message>
        <source>How often the request was sent upstream, when it was retried or fell back to another endpoint</source>
        <translation>Nombre d’envois de la requête en amont, lorsqu’elle a été réessayée ou redirigée vers un autre point de terminaison</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Fournisseur : %1</translation>
    </message>
    <message>
        <source>Requested model %1, served by %2</source>
        <translation>Modèle demandé %1, servi par %2</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>llmproxy::TrayIcon</name>
    <message>
        <source>Not listening</source>
        <translation>Pas à l’écoute</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Onboarding: no endpoint configured</source>
        <translation>Première configuration : aucun point de terminaison configuré</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>All traffic stopped (kill switch)</source>
        <translation>Tout le trafic est arrêté (arrêt d’urgence)</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Aucun point de terminaison activé</translation>
    </message>
    <message>
        <source>Every endpoint is down</source>
        <translation>Tous les points de terminaison sont en panne</translation>
    </message>
</context>
</TS>
