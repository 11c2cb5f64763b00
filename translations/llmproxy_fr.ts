<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnalyticsWindow</name>
    <message>
        <source>Analytics — LLMProxy</source>
        <translation>Analyses — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Grouper par :</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the spend and the budgets again</source>
        <translation>Relire les dépenses et les budgets</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the table&apos;s rows as a CSV file</source>
        <translation>Enregistrer les lignes du tableau dans un fichier CSV</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <source>Spend per day and group</source>
        <translation>Dépenses par jour et par groupe</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>BlocksChart</name>
    <message>
        <source>Blocks per minute over the last hour: %1 in total</source>
        <translation>Blocages par minute sur la dernière heure : %1 au total</translation>
    </message>
    <message>
        <source>Blocks per minute, last hour</source>
        <translation>Blocages par minute, dernière heure</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquées</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Masquées</translation>
    </message>
    <message>
        <source>Nothing blocked or masked in the last hour</source>
        <translation>Rien n’a été bloqué ni masqué au cours de la dernière heure</translation>
    </message>
</context>
<context>
    <name>ConnectToolDialog</name>
    <message>
        <source>Connect a tool — LLMProxy</source>
        <translation>Connecter un outil — LLMProxy</translation>
    </message>
    <message>
        <source>Coding tools</source>
        <translation>Outils de programmation</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>About this tool</source>
        <translation>À propos de cet outil</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>&amp;URL de la passerelle :</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>URL de la passerelle</translation>
    </message>
    <message>
        <source>Proxy &amp;key:</source>
        <translation>&amp;Clé du proxy :</translation>
    </message>
    <message>
        <source>Proxy key</source>
        <translation>Clé du proxy</translation>
    </message>
    <message>
        <source>About the key</source>
        <translation>À propos de la clé</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Settings for the tool</source>
        <translation>Paramètres pour l’outil</translation>
    </message>
    <message>
        <source>The tool&apos;s config file</source>
        <translation>Fichier de configuration de l’outil</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>Fichier de configuration</translation>
    </message>
    <message>
        <source>&amp;Write config</source>
        <translation>&amp;Écrire la configuration</translation>
    </message>
    <message>
        <source>U&amp;ndo</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Result of writing the config file</source>
        <translation>Résultat de l’écriture du fichier de configuration</translation>
    </message>
    <message>
        <source>Send a &amp;test request</source>
        <translation>Envoyer une requête de &amp;test</translation>
    </message>
    <message>
        <source>Result of the test request</source>
        <translation>Résultat de la requête de test</translation>
    </message>
    <message>
        <source>Create a key for this tool</source>
        <translation>Créer une clé pour cet outil</translation>
    </message>
    <message>
        <source>Create a client key named after the tool, kept by the gateway as a digest, and put it here</source>
        <translation>Créer une clé client portant le nom de l’outil, conservée par la passerelle sous forme d’empreinte, et l’insérer ici</translation>
    </message>
</context>
<context>
    <name>DecisionDetail</name>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>What matched</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>No detail recorded.</source>
        <translation>Aucun détail enregistré.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Select a decision to see why it was made.</source>
        <translation>Sélectionnez une décision pour voir pourquoi elle a été prise.</translation>
    </message>
</context>
<context>
    <name>DecisionFeed</name>
    <message>
        <source>block</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Decisions of the security guards, newest first</source>
        <translation>Décisions des filtres de sécurité, les plus récentes en premier</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>masqué</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>signalé</translation>
    </message>
    <message>
        <source>No request was blocked, masked or flagged so far.</source>
        <translation>Aucune requête n’a été bloquée, masquée ni signalée jusqu’ici.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.
Every block, mask and flag of the security guards appears here as requests come in.</source>
        <translation>Rien ne s’est encore produit.
Chaque blocage, masquage et signalement des filtres de sécurité apparaît ici à mesure que les requêtes arrivent.</translation>
    </message>
</context>
<context>
    <name>EndpointsWindow</name>
    <message>
        <source>Endpoints — LLMProxy</source>
        <translation>Points de terminaison — LLMProxy</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Ajouter un point de terminaison</translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation>Modifier le point de terminaison</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Supprimer le point de terminaison</translation>
    </message>
    <message>
        <source>Enable or disable endpoint</source>
        <translation>Activer ou désactiver le point de terminaison</translation>
    </message>
    <message>
        <source>Move endpoint up</source>
        <translation>Monter le point de terminaison</translation>
    </message>
    <message>
        <source>Move endpoint down</source>
        <translation>Descendre le point de terminaison</translation>
    </message>
    <message>
        <source>Test endpoint now</source>
        <translation>Tester le point de terminaison maintenant</translation>
    </message>
    <message>
        <source>Reset circuit breaker</source>
        <translation>Réinitialiser le disjoncteur</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Points de terminaison</translation>
    </message>
    <message>
        <source>Selected endpoint</source>
        <translation>Point de terminaison sélectionné</translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation>Détails du point de terminaison</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>No answer in time.</source>
        <translation>Aucune réponse dans le délai imparti.</translation>
    </message>
    <message>
        <source>This provider has no list of models.</source>
        <translation>Ce fournisseur n’a pas de liste de modèles.</translation>
    </message>
    <message>
        <source>A keychain entry name has 1 to 128 letters, digits and -_.:@/.</source>
        <translation>Un nom d’entrée du trousseau comporte de 1 à 128 lettres, chiffres et -_.:@/.</translation>
    </message>
    <message>
        <source>%1 did not take the key.</source>
        <translation>%1 n’a pas accepté la clé.</translation>
    </message>
    <message>
        <source>An endpoint named &quot;%1&quot; exists already.</source>
        <translation>Un point de terminaison nommé « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>There is no endpoint &quot;%1&quot;.</source>
        <translation>Il n’existe aucun point de terminaison « %1 ».</translation>
    </message>
    <message>
        <source>This endpoint cannot be tested with a chat request.</source>
        <translation>Ce point de terminaison ne peut pas être testé avec une requête de chat.</translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>LLMProxy routes requests to this endpoint from now on.</source>
        <translation>Désormais, LLMProxy achemine les requêtes vers ce point de terminaison.</translation>
    </message>
    <message>
        <source>What was configured</source>
        <translation>Ce qui a été configuré</translation>
    </message>
    <message>
        <source>Give tools this &amp;base URL:</source>
        <translation>Donnez aux outils cette &amp;URL de base :</translation>
    </message>
    <message>
        <source>Base URL for tools</source>
        <translation>URL de base pour les outils</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>Copier l’URL de base</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Connect a coding tool</source>
        <translation>Connecter un outil de programmation</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>Connecter un &amp;outil…</translation>
    </message>
</context>
<context>
    <name>FirstRunKeyPage</name>
    <message>
        <source>Your API key</source>
        <translation>Votre clé d’API</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d’API</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>Collez la clé ici</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Afficher la clé</translation>
    </message>
    <message>
        <source>S&amp;how key</source>
        <translation>A&amp;fficher la clé</translation>
    </message>
    <message>
        <source>Store the key in the system keychain</source>
        <translation>Stocker la clé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Keep it in the system &amp;keychain (recommended)</source>
        <translation>La conserver dans le &amp;trousseau du système (recommandé)</translation>
    </message>
    <message>
        <source>Entry &amp;name:</source>
        <translation>&amp;Nom de l’entrée :</translation>
    </message>
    <message>
        <source>Keychain entry name</source>
        <translation>Nom de l’entrée du trousseau</translation>
    </message>
    <message>
        <source>Read the key from an environment variable</source>
        <translation>Lire la clé depuis une variable d’environnement</translation>
    </message>
    <message>
        <source>Read it from an &amp;environment variable</source>
        <translation>La lire depuis une variable d’&amp;environnement</translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation>&amp;Variable :</translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation>Nom de la variable d’environnement</translation>
    </message>
    <message>
        <source>Key status</source>
        <translation>État de la clé</translation>
    </message>
</context>
<context>
    <name>Guards</name>
    <message>
        <source>Flood guard</source>
        <translation>Protection anti-saturation</translation>
    </message>
    <message>
        <source>Refuses requests with too many messages, too much text or a repetition flood.</source>
        <translation>Refuse les requêtes qui contiennent trop de messages, trop de texte ou un flot de répétitions.</translation>
    </message>
    <message>
        <source>Request firewall</source>
        <translation>Pare-feu des requêtes</translation>
    </message>
    <message>
        <source>Blocks known attack signatures in normalised text and in base64, hex, URL, ROT13 and escaped spans.</source>
        <translation>Bloque les signatures d’attaque connues dans le texte normalisé et dans les passages en base64, hexadécimal, URL, ROT13 ou échappés.</translation>
    </message>
    <message>
        <source>Injection scoring</source>
        <translation>Score d’injection</translation>
    </message>
    <message>
        <source>Blocks prompt injection by patterns in 17 languages, structure, similarity to known attacks and a learned classifier.</source>
        <translation>Bloque l’injection de prompt grâce à des motifs en 17 langues, à la structure, à la similarité avec des attaques connues et à un classifieur entraîné.</translation>
    </message>
    <message>
        <source>Multi-turn trajectory</source>
        <translation>Trajectoire multi-tours</translation>
    </message>
    <message>
        <source>Blocks a conversation whose recent user turns together build up an attack.</source>
        <translation>Bloque une conversation dont les derniers tours de l’utilisateur construisent ensemble une attaque.</translation>
    </message>
    <message>
        <source>Threat ledger</source>
        <translation>Registre des menaces</translation>
    </message>
    <message>
        <source>Refuses the borderline requests of a key or remote address that keeps sending suspicious ones.</source>
        <translation>Refuse les requêtes limites d’une clé ou d’une adresse distante qui ne cesse d’envoyer des requêtes suspectes.</translation>
    </message>
    <message>
        <source>PII and secrets</source>
        <translation>PII et secrets</translation>
    </message>
    <message>
        <source>Masks e-mail addresses, phone numbers, cards, IBANs, SSNs and secrets before a request leaves, and restores them in the answer.</source>
        <translation>Masque les adresses e-mail, numéros de téléphone, numéros de carte, IBAN, SSN et secrets avant l’envoi d’une requête, puis les restaure dans la réponse.</translation>
    </message>
    <message>
        <source>Response sanitizer</source>
        <translation>Nettoyage des réponses</translation>
    </message>
    <message>
        <source>Removes invisible and bidirectional control characters from answers and flags look-alike words.</source>
        <translation>Retire des réponses les caractères de contrôle invisibles et bidirectionnels, et signale les mots visuellement trompeurs.</translation>
    </message>
    <message>
        <source>Link sanitizer</source>
        <translation>Nettoyage des liens</translation>
    </message>
    <message>
        <source>Replaces links to blocked domains in answers.</source>
        <translation>Remplace dans les réponses les liens vers des domaines bloqués.</translation>
    </message>
    <message>
        <source>System-prompt leak guard</source>
        <translation>Protection contre la fuite du prompt système</translation>
    </message>
    <message>
        <source>Stops an answer that repeats the operator&apos;s system prompt or its canary token.</source>
        <translation>Arrête une réponse qui reproduit le prompt système de l’opérateur ou son jeton canari.</translation>
    </message>
    <message>
        <source>Response signing</source>
        <translation>Signature des réponses</translation>
    </message>
    <message>
        <source>Signs every answer with HMAC-SHA256 when LLM_PROXY_SIGNING_KEY is set.</source>
        <translation>Signe chaque réponse avec HMAC-SHA256 lorsque LLM_PROXY_SIGNING_KEY est défini.</translation>
    </message>
</context>
<context>
    <name>GuardsWindow</name>
    <message>
        <source>Security guards — LLMProxy</source>
        <translation>Filtres de sécurité — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Security guards on</source>
        <translation>Filtres de &amp;sécurité activés</translation>
    </message>
    <message>
        <source>Master switch: every request and response guard at once</source>
        <translation>Interrupteur général : tous les filtres de requêtes et de réponses à la fois</translation>
    </message>
    <message>
        <source>Security state</source>
        <translation>État de la sécurité</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Revenir à la configuration</translation>
    </message>
    <message>
        <source>Requests scanned and scan time</source>
        <translation>Requêtes analysées et durée d’analyse</translation>
    </message>
    <message>
        <source>Switches apply at once. &lt;i&gt;Back to configuration&lt;/i&gt; returns a guard to what the configuration file says.</source>
        <translation>Les interrupteurs s’appliquent immédiatement. &lt;i&gt;Revenir à la configuration&lt;/i&gt; redonne à un filtre la valeur du fichier de configuration.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Request history — LLMProxy</source>
        <translation>Historique des requêtes — LLMProxy</translation>
    </message>
    <message>
        <source>Search request ID, model or error</source>
        <translation>Rechercher un ID de requête, un modèle ou une erreur</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>Only the requests made with the client key of this name</source>
        <translation>Uniquement les requêtes faites avec la clé client portant ce nom</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Only the requests that asked for or were served by the model of this name</source>
        <translation>Uniquement les requêtes qui ont demandé le modèle portant ce nom ou qu’il a servies</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Load the newest requests again</source>
        <translation>Recharger les requêtes les plus récentes</translation>
    </message>
    <message>
        <source>Stored requests</source>
        <translation>Requêtes enregistrées</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Détails de la requête</translation>
    </message>
    <message>
        <source>Select a request to see all it recorded.</source>
        <translation>Sélectionnez une requête pour voir tout ce qui a été enregistré à son sujet.</translation>
    </message>
    <message>
        <source>&amp;Copy request ID</source>
        <translation>&amp;Copier l’ID de requête</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Suivre</translation>
    </message>
    <message>
        <source>Show new requests as they are stored, while the table is scrolled to the top</source>
        <translation>Afficher les nouvelles requêtes dès leur enregistrement, tant que le tableau est défilé tout en haut</translation>
    </message>
</context>
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
    <message>
        <source>Double-click a request to see it in the request history</source>
        <translation>Double-cliquez sur une requête pour la voir dans l’historique des requêtes</translation>
    </message>
    <message>
        <source>Search the &amp;history…</source>
        <translation>Rechercher dans l’&amp;historique…</translation>
    </message>
    <message>
        <source>Every stored request, with filters, search and details</source>
        <translation>Toutes les requêtes enregistrées, avec filtres, recherche et détails</translation>
    </message>
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <source>Models and routing — LLMProxy</source>
        <translation>Modèles et routage — LLMProxy</translation>
    </message>
    <message>
        <source>Changes made here apply at once and are kept in the data directory across restarts. The configuration file is not rewritten: its aliases and chains come back with “Revert all changes made here”.</source>
        <translation>Les modifications faites ici s’appliquent immédiatement et sont conservées dans le répertoire de données d’un redémarrage à l’autre. Le fichier de configuration n’est pas réécrit : ses alias et ses chaînes reviennent avec « Annuler toutes les modifications faites ici ».</translation>
    </message>
    <message>
        <source>About changes</source>
        <translation>À propos des modifications</translation>
    </message>
    <message>
        <source>Models and routing</source>
        <translation>Modèles et routage</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modèles</translation>
    </message>
    <message>
        <source>Every model the enabled endpoints serve, the aliases that name it and its fallback chain.</source>
        <translation>Chaque modèle servi par les points de terminaison activés, les alias qui le désignent et sa chaîne de repli.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Every model served, with its endpoints, aliases and fallback chain</source>
        <translation>Chaque modèle servi, avec ses points de terminaison, ses alias et sa chaîne de repli</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Servi par</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Fallback chain</source>
        <translation>Chaîne de repli</translation>
    </message>
    <message>
        <source>A&amp;liases</source>
        <translation>A&amp;lias</translation>
    </message>
    <message>
        <source>A request for an alias is served by its target model. An alias name may be a pattern such as claude-* .</source>
        <translation>Une requête pour un alias est servie par son modèle cible. Un nom d’alias peut être un motif tel que claude-* .</translation>
    </message>
    <message>
        <source>Alias name or pattern, target model and where the alias comes from</source>
        <translation>Nom ou motif de l’alias, modèle cible et origine de l’alias</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation>Ajouter un alias</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Edit the selected alias</source>
        <translation>Modifier l’alias sélectionné</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation>Retirer l’alias sélectionné</translation>
    </message>
    <message>
        <source>&amp;Fallback chains</source>
        <translation>&amp;Chaînes de repli</translation>
    </message>
    <message>
        <source>When every endpoint of a model fails, its fallback chain is tried hop by hop.</source>
        <translation>Quand tous les points de terminaison d’un modèle échouent, sa chaîne de repli est essayée étape par étape.</translation>
    </message>
    <message>
        <source>Fallback chains</source>
        <translation>Chaînes de repli</translation>
    </message>
    <message>
        <source>Model, the hops tried when it fails and where the chain comes from</source>
        <translation>Modèle, étapes essayées en cas d’échec et origine de la chaîne</translation>
    </message>
    <message>
        <source>Add fallback chain</source>
        <translation>Ajouter une chaîne de repli</translation>
    </message>
    <message>
        <source>Edit the selected fallback chain</source>
        <translation>Modifier la chaîne de repli sélectionnée</translation>
    </message>
    <message>
        <source>Remove the selected fallback chain</source>
        <translation>Retirer la chaîne de repli sélectionnée</translation>
    </message>
    <message>
        <source>Route &amp;overrides</source>
        <translation>&amp;Redirections de routage</translation>
    </message>
    <message>
        <source>Send every request of a kind of tool to one model, whatever model it asks for. A client key restricted to other models is never moved, and an override whose model nothing serves is passed over.</source>
        <translation>Envoyer toutes les requêtes d’un type d’outil vers un seul modèle, quel que soit le modèle demandé. Une clé client limitée à d’autres modèles n’est jamais redirigée, et une redirection dont le modèle n’est servi par personne est ignorée.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Claude Code (Messages API):</source>
        <translation>Claude Code (Messages API) :</translation>
    </message>
    <message>
        <source>Claude Code: model</source>
        <translation>Claude Code : modèle</translation>
    </message>
    <message>
        <source>As requested, or the model every request of these tools is served by</source>
        <translation>Tel que demandé, ou le modèle qui sert toutes les requêtes de ces outils</translation>
    </message>
    <message>
        <source>Claude Code: endpoint</source>
        <translation>Claude Code : point de terminaison</translation>
    </message>
    <message>
        <source>Try this endpoint first, or let the model&apos;s own routing choose</source>
        <translation>Essayer d’abord ce point de terminaison, ou laisser le routage propre au modèle choisir</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Claude Code: apply</source>
        <translation>Claude Code : appliquer</translation>
    </message>
    <message>
        <source>Codex (Responses API):</source>
        <translation>Codex (Responses API) :</translation>
    </message>
    <message>
        <source>Codex: model</source>
        <translation>Codex : modèle</translation>
    </message>
    <message>
        <source>Codex: endpoint</source>
        <translation>Codex : point de terminaison</translation>
    </message>
    <message>
        <source>Codex: apply</source>
        <translation>Codex : appliquer</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions):</source>
        <translation>Autres outils (Chat Completions) :</translation>
    </message>
    <message>
        <source>Other tools: model</source>
        <translation>Autres outils : modèle</translation>
    </message>
    <message>
        <source>Other tools: endpoint</source>
        <translation>Autres outils : point de terminaison</translation>
    </message>
    <message>
        <source>Other tools: apply</source>
        <translation>Autres outils : appliquer</translation>
    </message>
    <message>
        <source>Route override result</source>
        <translation>Résultat de la redirection de routage</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation>Résultat de la dernière modification</translation>
    </message>
    <message>
        <source>Re&amp;vert all changes made here</source>
        <translation>A&amp;nnuler toutes les modifications faites ici</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Annuler toutes les modifications faites ici</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed here: the configuration file applies again</source>
        <translation>Abandonner tous les alias, chaînes de repli et redirections de routage modifiés ici : le fichier de configuration s’applique de nouveau</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PlaygroundWindow</name>
    <message>
        <source>Playground — LLMProxy</source>
        <translation>Bac à sable — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>A model the gateway offers, or any model name or alias to try</source>
        <translation>Un modèle proposé par la passerelle, ou tout nom de modèle ou alias à essayer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Re&amp;fresh models</source>
        <translation>&amp;Actualiser les modèles</translation>
    </message>
    <message>
        <source>Ask the gateway again which models it offers</source>
        <translation>Redemander à la passerelle quels modèles elle propose</translation>
    </message>
    <message>
        <source>Refresh models</source>
        <translation>Actualiser les modèles</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>État de la liste des modèles</translation>
    </message>
    <message>
        <source>Gateway &amp;key:</source>
        <translation>&amp;Clé de la passerelle :</translation>
    </message>
    <message>
        <source>The gateway requires a client key: paste one of yours (kept only while this window is open)</source>
        <translation>La passerelle exige une clé client : collez l’une des vôtres (conservée uniquement tant que cette fenêtre est ouverte)</translation>
    </message>
    <message>
        <source>Gateway key</source>
        <translation>Clé de la passerelle</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>Prompt s&amp;ystème :</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message</source>
        <translation>Instructions facultatives envoyées comme message système</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>The prompts sent in this window and the answers, with the route, tokens, cost and security decisions of each</source>
        <translation>Les prompts envoyés dans cette fenêtre et les réponses, chacun avec sa route, ses jetons, son coût et ses décisions de sécurité</translation>
    </message>
    <message>
        <source>&amp;Prompt (Ctrl+Enter sends):</source>
        <translation>&amp;Prompt (Ctrl+Entrée envoie) :</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Request status</source>
        <translation>État de la requête</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>Forget the exchanges shown above</source>
        <translation>Oublier les échanges affichés ci-dessus</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>Effacer la conversation</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <source>Stop the answer now (the gateway cancels the upstream request)</source>
        <translation>Arrêter la réponse maintenant (la passerelle annule la requête en amont)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>E&amp;nvoyer</translation>
    </message>
    <message>
        <source>Send the prompt through the gateway (Ctrl+Enter)</source>
        <translation>Envoyer le prompt via la passerelle (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings — LLMProxy</source>
        <translation>Paramètres — LLMProxy</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrage à l’ouverture de session</translation>
    </message>
    <message>
        <source>Logging and data</source>
        <translation>Journalisation et données</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Fichier de configuration</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>Page des paramètres</translation>
    </message>
    <message>
        <source>Listening now</source>
        <translation>À l’écoute actuellement</translation>
    </message>
    <message>
        <source>&amp;Allow other machines on the local network</source>
        <translation>&amp;Autoriser les autres machines du réseau local</translation>
    </message>
    <message>
        <source>Allow other machines on the local network</source>
        <translation>Autoriser les autres machines du réseau local</translation>
    </message>
    <message>
        <source>Listen on every network interface instead of this computer only</source>
        <translation>Écouter sur toutes les interfaces réseau au lieu de cette seule machine</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>A&amp;dresse d’écoute :</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Adresse d’écoute</translation>
    </message>
    <message>
        <source>An IP address of this computer: 0.0.0.0 is every IPv4 interface, :: every IPv6 one</source>
        <translation>Une adresse IP de cette machine : 0.0.0.0 désigne toutes les interfaces IPv4, :: toutes les interfaces IPv6</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>About the local network</source>
        <translation>À propos du réseau local</translation>
    </message>
    <message>
        <source>Server settings status</source>
        <translation>État des paramètres du serveur</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Appli&amp;quer</translation>
    </message>
    <message>
        <source>Apply server settings</source>
        <translation>Appliquer les paramètres du serveur</translation>
    </message>
    <message>
        <source>Write the listen address and port into the configuration file and reload it</source>
        <translation>Écrire l’adresse d’écoute et le port dans le fichier de configuration, puis le recharger</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>A&amp;nnuler les modifications</translation>
    </message>
    <message>
        <source>Undo server changes</source>
        <translation>Annuler les modifications du serveur</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>System follows the desktop, also when it switches between light and dark while LLMProxy runs. Light and Dark use the same colours on every desktop.</source>
        <translation>Système suit le bureau, même lorsqu’il passe du clair au sombre pendant que LLMProxy fonctionne. Clair et Sombre utilisent les mêmes couleurs sur tous les bureaux.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>The windows change language at once. Log messages and the configuration file stay in English.</source>
        <translation>Les fenêtres changent de langue immédiatement. Les messages du journal et le fichier de configuration restent en anglais.</translation>
    </message>
    <message>
        <source>&amp;Start LLMProxy when I log in</source>
        <translation>&amp;Démarrer LLMProxy à l’ouverture de session</translation>
    </message>
    <message>
        <source>Start LLMProxy when I log in</source>
        <translation>Démarrer LLMProxy à l’ouverture de session</translation>
    </message>
    <message>
        <source>Where the login entry is kept</source>
        <translation>Emplacement de l’entrée de démarrage</translation>
    </message>
    <message>
        <source>Start at login status</source>
        <translation>État du démarrage à l’ouverture de session</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Journalisation</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>Ni&amp;veau :</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Niveau de journalisation</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>Format du journal</translation>
    </message>
    <message>
        <source>Include request and response &amp;bodies</source>
        <translation>Inclure le &amp;corps des requêtes et des réponses</translation>
    </message>
    <message>
        <source>Include request and response bodies</source>
        <translation>Inclure le corps des requêtes et des réponses</translation>
    </message>
    <message>
        <source>Prompts and answers appear in the log; API keys are always redacted</source>
        <translation>Les prompts et les réponses apparaissent dans le journal ; les clés d’API sont toujours masquées</translation>
    </message>
    <message>
        <source>Where the log goes</source>
        <translation>Destination du journal</translation>
    </message>
    <message>
        <source>Logging settings status</source>
        <translation>État des paramètres de journalisation</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>Appli&amp;quer</translation>
    </message>
    <message>
        <source>Apply logging settings</source>
        <translation>Appliquer les paramètres de journalisation</translation>
    </message>
    <message>
        <source>Write the logging settings into the configuration file and reload it</source>
        <translation>Écrire les paramètres de journalisation dans le fichier de configuration, puis le recharger</translation>
    </message>
    <message>
        <source>U&amp;ndo changes</source>
        <translation>A&amp;nnuler les modifications</translation>
    </message>
    <message>
        <source>Undo logging changes</source>
        <translation>Annuler les modifications de journalisation</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Répertoire de données</translation>
    </message>
    <message>
        <source>Endpoints added in the window (registry.json), the guard switches (features.json) and today&apos;s spend (budget.json) are kept here.</source>
        <translation>Les points de terminaison ajoutés dans la fenêtre (registry.json), les interrupteurs des filtres (features.json) et les dépenses du jour (budget.json) sont conservés ici.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open the data directory</source>
        <translation>Ouvrir le répertoire de données</translation>
    </message>
    <message>
        <source>Configuration text</source>
        <translation>Texte de la configuration</translation>
    </message>
    <message>
        <source>Problems in the configuration</source>
        <translation>Problèmes dans la configuration</translation>
    </message>
    <message>
        <source>Choose a problem to go to its line</source>
        <translation>Choisissez un problème pour aller à sa ligne</translation>
    </message>
    <message>
        <source>Configuration status</source>
        <translation>État de la configuration</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>Validate the configuration text</source>
        <translation>Valider le texte de la configuration</translation>
    </message>
    <message>
        <source>Check the text as LLMProxy would load it, without saving</source>
        <translation>Vérifier le texte comme LLMProxy le chargerait, sans enregistrer</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Apply the configuration text</source>
        <translation>Appliquer le texte de la configuration</translation>
    </message>
    <message>
        <source>Save the text (the previous file is kept as a backup) and reload it</source>
        <translation>Enregistrer le texte (l’ancien fichier est conservé comme sauvegarde) et le recharger</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation>Revenir au fichier</translation>
    </message>
    <message>
        <source>Put the file&apos;s text back into the editor</source>
        <translation>Remettre le texte du fichier dans l’éditeur</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Fermer les paramètres</translation>
    </message>
    <message>
        <source>Client keys</source>
        <translation>Clés client</translation>
    </message>
    <message>
        <source>Clients send one of these keys to use the proxy. Keys created here are kept only as a digest: a key is shown once, when it is created. Keys from the configuration file are changed there.</source>
        <translation>Les clients envoient l’une de ces clés pour utiliser le proxy. Les clés créées ici ne sont conservées que sous forme d’empreinte : une clé n’est affichée qu’une fois, lors de sa création. Les clés du fichier de configuration se modifient dans ce fichier.</translation>
    </message>
    <message>
        <source>About client keys</source>
        <translation>À propos des clés client</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Commence par</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Client keys status</source>
        <translation>État des clés client</translation>
    </message>
    <message>
        <source>The key just created</source>
        <translation>La clé qui vient d’être créée</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>Copy the key just created</source>
        <translation>Copier la clé qui vient d’être créée</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>New key name</source>
        <translation>Nom de la nouvelle clé</translation>
    </message>
    <message>
        <source>e.g. laptop or claude-code</source>
        <translation>p. ex. laptop ou claude-code</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Créer la clé</translation>
    </message>
    <message>
        <source>Create a client key</source>
        <translation>Créer une clé client</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Révoquer</translation>
    </message>
    <message>
        <source>Revoke the selected key</source>
        <translation>Révoquer la clé sélectionnée</translation>
    </message>
</context>
<context>
    <name>ThreatsView</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The security guards are switched off: requests reach the providers unchecked. Switch them on in the Guards window.</source>
        <translation>Les filtres de sécurité sont désactivés : les requêtes atteignent les fournisseurs sans contrôle. Activez-les dans la fenêtre Filtres de sécurité.</translation>
    </message>
    <message>
        <source>Requests scanned</source>
        <translation>Requêtes analysées</translation>
    </message>
    <message>
        <source>since start</source>
        <translation>depuis le démarrage</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloquées</translation>
    </message>
    <message>
        <source>%1 % of scanned</source>
        <translation>%1 % des requêtes analysées</translation>
    </message>
    <message>
        <source>refused before the provider</source>
        <translation>refusées avant le fournisseur</translation>
    </message>
    <message>
        <source>PII and secrets masked</source>
        <translation>PII et secrets masqués</translation>
    </message>
    <message>
        <source>restored in the answers</source>
        <translation>restaurés dans les réponses</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalées</translation>
    </message>
    <message>
        <source>suspicious, let through</source>
        <translation>suspectes, laissées passer</translation>
    </message>
    <message>
        <source>Scan time (median)</source>
        <translation>Durée d’analyse (médiane)</translation>
    </message>
    <message>
        <source>p95 %1 · p99 %2</source>
        <translation>p95 %1 · p99 %2</translation>
    </message>
    <message>
        <source>per request, once one is scanned</source>
        <translation>par requête, dès qu’une requête a été analysée</translation>
    </message>
    <message>
        <source>By layer</source>
        <translation>Par couche</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Masquées</translation>
    </message>
</context>
<context>
    <name>llmproxy::AliasDialog</name>
    <message>
        <source>Add alias</source>
        <translation>Ajouter un alias</translation>
    </message>
    <message>
        <source>Edit alias</source>
        <translation>Modifier l’alias</translation>
    </message>
    <message>
        <source>Alias name or pattern</source>
        <translation>Nom ou motif de l’alias</translation>
    </message>
    <message>
        <source>e.g. fast or claude-*</source>
        <translation>p. ex. fast ou claude-*</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Modèle cible</translation>
    </message>
    <message>
        <source>Why the alias was not set</source>
        <translation>Pourquoi l’alias n’a pas été défini</translation>
    </message>
    <message>
        <source>&amp;Name or pattern:</source>
        <translation>&amp;Nom ou motif :</translation>
    </message>
    <message>
        <source>&amp;Target model:</source>
        <translation>Modèle &amp;cible :</translation>
    </message>
    <message>
        <source>A request for this name (or any name the pattern matches) is served by the target model. The target must be a model name, not a pattern.</source>
        <translation>Une requête pour ce nom (ou pour tout nom correspondant au motif) est servie par le modèle cible. La cible doit être un nom de modèle, pas un motif.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>Non défini : %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::AnalyticsWindow</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Plage personnalisée</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>&amp;Spend per day</source>
        <translation>&amp;Dépenses par jour</translation>
    </message>
    <message>
        <source>T&amp;okens per day</source>
        <translation>T&amp;okens par jour</translation>
    </message>
    <message>
        <source>Cost per re&amp;quest</source>
        <translation>Coût par re&amp;quête</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens en entrée</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens en sortie</translation>
    </message>
    <message>
        <source>Average cost per request (USD)</source>
        <translation>Coût moyen par requête (USD)</translation>
    </message>
    <message>
        <source>Cost per request</source>
        <translation>Coût par requête</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Coût (USD)</translation>
    </message>
    <message>
        <source>Estimated (USD)</source>
        <translation>Estimé (USD)</translation>
    </message>
    <message>
        <source>Total: $%1 · %2 requests · %3 tokens in · %4 tokens out · %5 per request</source>
        <translation>Total : $%1 · %2 requêtes · %3 tokens en entrée · %4 tokens en sortie · %5 par requête</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No spend recorded from %1 to %2.</source>
        <translation>Aucune dépense enregistrée du %1 au %2.</translation>
    </message>
    <message>
        <source>Spend from %1 to %2, days of %3 · updated %4</source>
        <translation>Dépenses du %1 au %2, jours de %3 · mis à jour %4</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Export spend as CSV</source>
        <translation>Exporter les dépenses en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Spend per month (USD) · %1</source>
        <translation>Dépenses par mois (USD) · %1</translation>
    </message>
    <message>
        <source>Spend per day (USD) · %1</source>
        <translation>Dépenses par jour (USD) · %1</translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation>Tokens par mois</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>Tokens par jour</translation>
    </message>
</context>
<context>
    <name>llmproxy::Autostart</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot change %1.</source>
        <translation>Impossible de modifier %1.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
</context>
<context>
    <name>llmproxy::BudgetGaugeBar</name>
    <message>
        <source>Global daily budget</source>
        <translation>Budget quotidien global</translation>
    </message>
    <message>
        <source>%1 spent of %2</source>
        <translation>%1 dépensé sur %2</translation>
    </message>
    <message>
        <source>%1 spent, no limit</source>
        <translation>%1 dépensé, sans limite</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>%1 réservé</translation>
    </message>
    <message>
        <source>warns at %1</source>
        <translation>avertit à %1</translation>
    </message>
    <message>
        <source>resets %1 (%2)</source>
        <translation>remis à zéro le %1 (%2)</translation>
    </message>
    <message>
        <source>Key “%1”, this month</source>
        <translation>Clé « %1 », ce mois-ci</translation>
    </message>
    <message>
        <source>Key “%1”, today</source>
        <translation>Clé « %1 », aujourd’hui</translation>
    </message>
    <message>
        <source>Team “%1”, this month</source>
        <translation>Équipe « %1 », ce mois-ci</translation>
    </message>
    <message>
        <source>Team “%1”, today</source>
        <translation>Équipe « %1 », aujourd’hui</translation>
    </message>
    <message>
        <source>all gateways, as of %1</source>
        <translation>toutes les passerelles, à %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::CommandPalette</name>
    <message>
        <source>No command matches.</source>
        <translation>Aucune commande ne correspond.</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Saisissez une commande…</translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation>Filtrer les commandes</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Up and Down choose, Enter runs it, Escape closes.</source>
        <translation>Saisissez une partie du nom d’une commande ; Haut et Bas choisissent, Entrée l’exécute, Échap ferme.</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>%1 (on)</source>
        <translation>%1 (activé)</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (désactivé)</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::ConnectToolDialog</name>
    <message>
        <source>Write config</source>
        <translation>Écrire la configuration</translation>
    </message>
    <message>
        <source>Undo the config change</source>
        <translation>Annuler la modification de configuration</translation>
    </message>
    <message>
        <source>Send a test request</source>
        <translation>Envoyer une requête de test</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>the key the tool sends</source>
        <translation>la clé envoyée par l’outil</translation>
    </message>
    <message>
        <source>a model the gateway serves</source>
        <translation>un modèle servi par la passerelle</translation>
    </message>
    <message>
        <source>This gateway asks for a proxy key: enter one of its keys (LLM_PROXY_API_KEYS or a named client key).</source>
        <translation>Cette passerelle demande une clé du proxy : saisissez l’une de ses clés (LLM_PROXY_API_KEYS ou une clé client nommée).</translation>
    </message>
    <message>
        <source>This gateway asks for no key; tools that insist on one get “%1”.</source>
        <translation>Cette passerelle ne demande aucune clé ; les outils qui en exigent une reçoivent « %1 ».</translation>
    </message>
    <message>
        <source>Claude Code speaks the Anthropic Messages API at the root URL. Name a model here, or map the Claude model names it asks for with model_aliases.</source>
        <translation>Claude Code parle l’API Messages d’Anthropic à l’URL racine. Indiquez un modèle ici, ou associez les noms de modèles Claude qu’il demande avec model_aliases.</translation>
    </message>
    <message>
        <source>Codex speaks the OpenAI Responses API; LLMProxy becomes its model provider “llmproxy”. Codex Desktop signed in with ChatGPT ignores it.</source>
        <translation>Codex parle l’API Responses d’OpenAI ; LLMProxy devient son fournisseur de modèles « llmproxy ». Codex Desktop connecté avec ChatGPT l’ignore.</translation>
    </message>
    <message>
        <source>Cursor sends requests from its own servers: the gateway must be reachable from the internet (a tunnel or a public address, with proxy keys set). Enter that public URL above.</source>
        <translation>Cursor envoie les requêtes depuis ses propres serveurs : la passerelle doit être joignable depuis Internet (un tunnel ou une adresse publique, avec des clés du proxy définies). Saisissez cette URL publique ci-dessus.</translation>
    </message>
    <message>
        <source>Adds a model named “LLMProxy” to Continue&apos;s models; Continue reloads the file when it changes.</source>
        <translation>Ajoute un modèle nommé « LLMProxy » aux modèles de Continue ; Continue recharge le fichier quand il change.</translation>
    </message>
    <message>
        <source>The openai/ prefix tells Aider to use the OpenAI API; the model after it is what LLMProxy routes.</source>
        <translation>Le préfixe openai/ indique à Aider d’utiliser l’API OpenAI ; le modèle qui suit est celui que LLMProxy achemine.</translation>
    </message>
    <message>
        <source>In Cline&apos;s settings choose the API provider “OpenAI Compatible”.</source>
        <translation>Dans les paramètres de Cline, choisissez le fournisseur d’API « OpenAI Compatible ».</translation>
    </message>
    <message>
        <source>Zed does not discover models for this provider: the models listed here are written. Zed asks for the key in its Agent panel, or takes it from LLMPROXY_API_KEY.</source>
        <translation>Zed ne découvre pas les modèles de ce fournisseur : les modèles listés ici sont écrits. Zed demande la clé dans son panneau Agent, ou la prend dans LLMPROXY_API_KEY.</translation>
    </message>
    <message>
        <source>VS Code&apos;s Custom Endpoint provider: chat and agent go through LLMProxy, completions stay with GitHub.</source>
        <translation>Fournisseur Custom Endpoint de VS Code : le chat et l’agent passent par LLMProxy, les complétions restent chez GitHub.</translation>
    </message>
    <message>
        <source>In %1 (Write config merges this into the file):</source>
        <translation>Dans %1 (intégré par « Écrire la configuration ») :</translation>
    </message>
    <message>
        <source>Or from a shell:</source>
        <translation>Ou depuis un shell :</translation>
    </message>
    <message>
        <source>Then run:</source>
        <translation>Puis exécutez :</translation>
    </message>
    <message>
        <source>In the tool&apos;s settings:</source>
        <translation>Dans les paramètres de l’outil :</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Copier : %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <source>%1 keeps these settings itself: copy them into it.</source>
        <translation>%1 gère ces paramètres lui-même : copiez-les dedans.</translation>
    </message>
    <message>
        <source>Choose a model first: %1 needs one.</source>
        <translation>Choisissez d’abord un modèle : %1 en a besoin.</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Non écrit : %1</translation>
    </message>
    <message>
        <source>%1 already has these settings; nothing was written.</source>
        <translation>%1 contient déjà ces paramètres ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 créé.</translation>
    </message>
    <message>
        <source>Changed %1; the previous file is saved as %2.</source>
        <translation>%1 modifié ; l’ancien fichier est sauvegardé sous %2.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>Non annulé : %1</translation>
    </message>
    <message>
        <source>Removed %1, which LLMProxy had created.</source>
        <translation>%1, créé par LLMProxy, a été supprimé.</translation>
    </message>
    <message>
        <source>Restored %1 as it was before.</source>
        <translation>%1 a été restauré tel qu’il était.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Choisissez d’abord un modèle.</translation>
    </message>
    <message>
        <source>The gateway URL is not a valid http:// or https:// address.</source>
        <translation>L’URL de la passerelle n’est pas une adresse http:// ou https:// valide.</translation>
    </message>
    <message>
        <source>Sending POST %1 as %2 would…</source>
        <translation>Envoi de POST %1 comme le ferait %2…</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Aucune réponse de %1 : %2</translation>
    </message>
    <message>
        <source>HTTP %1 — it works. The model answered: “%2”</source>
        <translation>HTTP %1 — ça fonctionne. Le modèle a répondu : « %2 »</translation>
    </message>
    <message>
        <source>HTTP %1 — %2</source>
        <translation>HTTP %1 — %2</translation>
    </message>
    <message>
        <source>Require keys from every client?</source>
        <translation>Exiger des clés de tous les clients ?</translation>
    </message>
    <message>
        <source>This gateway asks for no key today. Once a key exists, every client must send one: tools set up without a key stop working until they get one (create one for each, or add it to their configuration).

Create the key for %1?</source>
        <translation>Cette passerelle ne demande aucune clé pour l’instant. Dès qu’une clé existe, chaque client doit en envoyer une : les outils configurés sans clé cessent de fonctionner jusqu’à ce qu’ils en reçoivent une (créez-en une pour chacun, ou ajoutez-la à leur configuration).

Créer la clé pour %1 ?</translation>
    </message>
    <message>
        <source>Created the client key “%1”. It is shown only now: the gateway keeps a digest. Write config puts it into the tool&apos;s configuration.</source>
        <translation>Clé client « %1 » créée. Elle n’est affichée que maintenant : la passerelle n’en conserve qu’une empreinte. « Écrire la configuration » l’ajoute à la configuration de l’outil.</translation>
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
    <message>
        <source>&amp;Threats</source>
        <translation>&amp;Menaces</translation>
    </message>
    <message>
        <source>What the security guards blocked, masked and flagged, and why</source>
        <translation>Ce que les filtres de sécurité ont bloqué, masqué et signalé, et pourquoi</translation>
    </message>
    <message>
        <source>Security &amp;guards</source>
        <translation>&amp;Filtres de sécurité</translation>
    </message>
    <message>
        <source>Switch the security guards on or off</source>
        <translation>Activer ou désactiver les filtres de sécurité</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>Connecter un &amp;outil…</translation>
    </message>
    <message>
        <source>Point Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed or Copilot at LLMProxy</source>
        <translation>Diriger Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed ou Copilot vers LLMProxy</translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation>&amp;Bac à sable</translation>
    </message>
    <message>
        <source>Send a prompt through the gateway and see the route, tokens, cost and security decisions</source>
        <translation>Envoyer un prompt via la passerelle et voir la route, les jetons, le coût et les décisions de sécurité</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Palette de commandes…</translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation>Trouver et exécuter une commande en tapant une partie de son nom</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;All endpoints…</source>
        <translation>&amp;Tous les points de terminaison…</translation>
    </message>
    <message>
        <source>Add, edit, reorder, test and switch endpoints, and see each one&apos;s statistics</source>
        <translation>Ajouter, modifier, réordonner, tester et activer ou désactiver les points de terminaison, et voir les statistiques de chacun</translation>
    </message>
    <message>
        <source>&amp;Models and routing</source>
        <translation>&amp;Modèles et routage</translation>
    </message>
    <message>
        <source>Every model with its endpoints; aliases, fallback chains and route overrides</source>
        <translation>Chaque modèle avec ses points de terminaison ; alias, chaînes de repli et redirections de routage</translation>
    </message>
    <message>
        <source>Add a &amp;provider…</source>
        <translation>Ajouter un &amp;fournisseur…</translation>
    </message>
    <message>
        <source>The setup wizard: a cloud provider with its key, or a model server on this computer</source>
        <translation>L’assistant de configuration : un fournisseur cloud avec sa clé, ou un serveur de modèles sur cet ordinateur</translation>
    </message>
    <message>
        <source>Listen address, client keys, theme, language, start at login, logging and the configuration file</source>
        <translation>Adresse d’écoute, clés client, thème, langue, démarrage à l’ouverture de session, journalisation et fichier de configuration</translation>
    </message>
    <message>
        <source>Client &amp;keys…</source>
        <translation>&amp;Clés client…</translation>
    </message>
    <message>
        <source>The keys clients send to use the proxy: create and revoke them</source>
        <translation>Les clés que les clients envoient pour utiliser le proxy : les créer et les révoquer</translation>
    </message>
    <message>
        <source>Request &amp;history</source>
        <translation>&amp;Historique des requêtes</translation>
    </message>
    <message>
        <source>Every request the gateway kept: search and filter them by status, period and key</source>
        <translation>Toutes les requêtes conservées par la passerelle : recherchez-les et filtrez-les par statut, période et clé</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>&amp;Analyses</translation>
    </message>
    <message>
        <source>Spend over time by model, provider, key or team; tokens, cost per request and budgets</source>
        <translation>Dépenses dans le temps par modèle, fournisseur, clé ou équipe ; tokens, coût par requête et budgets</translation>
    </message>
    <message>
        <source>Audit and &amp;GDPR</source>
        <translation>Audit et &amp;RGPD</translation>
    </message>
    <message>
        <source>Verify the audit chain; export or erase a person&apos;s data in the audit ledger</source>
        <translation>Vérifier la chaîne d’audit ; exporter ou effacer les données d’une personne dans le registre d’audit</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointEditDialog</name>
    <message>
        <source>Edit endpoint %1</source>
        <translation>Modifier le point de terminaison %1</translation>
    </message>
    <message>
        <source>This endpoint was added in LLMProxy: every setting can be changed here.</source>
        <translation>Ce point de terminaison a été ajouté dans LLMProxy : tous les paramètres peuvent être modifiés ici.</translation>
    </message>
    <message>
        <source>This endpoint comes from %1. Only its priority and weight can be changed here; they are kept over the configured values, also after a restart. Change the other settings there.</source>
        <translation>Ce point de terminaison a pour origine %1. Seuls sa priorité et son poids peuvent être modifiés ici ; ils priment sur les valeurs configurées, même après un redémarrage. Modifiez les autres paramètres à la source.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID :</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Fournisseur :</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;URL de base :</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>&amp;Modèles :</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Comma-separated; empty = any model</source>
        <translation>Séparés par des virgules ; vide = n’importe quel modèle</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Lower is preferred: requests go to the lowest priority that is up</source>
        <translation>La plus basse est préférée : les requêtes vont à la priorité la plus basse qui est disponible</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>P&amp;riorité :</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Share of the requests among endpoints of the same priority</source>
        <translation>Part des requêtes entre les points de terminaison de même priorité</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>P&amp;oids :</translation>
    </message>
    <message>
        <source>Key source</source>
        <translation>Source de la clé</translation>
    </message>
    <message>
        <source>Keep the current key (%1)</source>
        <translation>Conserver la clé actuelle (%1)</translation>
    </message>
    <message>
        <source>The provider&apos;s usual variable</source>
        <translation>La variable habituelle du fournisseur</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Variable d’environnement</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>Entrée du trousseau</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <source>Variable or keychain entry name</source>
        <translation>Nom de la variable ou de l’entrée du trousseau</translation>
    </message>
    <message>
        <source>Key &amp;name:</source>
        <translation>&amp;Nom de la clé :</translation>
    </message>
    <message>
        <source>e.g. GROQ_API_KEY</source>
        <translation>p. ex. GROQ_API_KEY</translation>
    </message>
    <message>
        <source>e.g. llmproxy/groq</source>
        <translation>p. ex. llmproxy/groq</translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>&amp;Version de l’API :</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>Version de l’API</translation>
    </message>
    <message>
        <source>Azure OpenAI only</source>
        <translation>Azure OpenAI uniquement</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>Prix en entrée par million de jetons</translation>
    </message>
    <message>
        <source>&amp;Cost per 1M input tokens:</source>
        <translation>Coû&amp;t pour 1 M de jetons en entrée :</translation>
    </message>
    <message>
        <source>Check its health on a schedule</source>
        <translation>Vérifier son état à intervalles réguliers</translation>
    </message>
    <message>
        <source>Why the change was refused</source>
        <translation>Pourquoi la modification a été refusée</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the key.</source>
        <translation>Indiquez la variable d’environnement qui contient la clé.</translation>
    </message>
    <message>
        <source>Name the keychain entry that holds the key.</source>
        <translation>Indiquez l’entrée du trousseau qui contient la clé.</translation>
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
    <name>llmproxy::EndpointsWindow</name>
    <message>
        <source>the configuration file (config.yaml)</source>
        <translation>le fichier de configuration (config.yaml)</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>l’environnement</translation>
    </message>
    <message>
        <source>local discovery</source>
        <translation>la découverte locale</translation>
    </message>
    <message>
        <source>this window or the admin API</source>
        <translation>cette fenêtre ou l’API d’administration</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open (retry in %1 s)</source>
        <translation>Ouvert (nouvel essai dans %1 s)</translation>
    </message>
    <message>
        <source>Open (next request tries)</source>
        <translation>Ouvert (la prochaine requête essaie)</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>Semi-ouvert</translation>
    </message>
    <message numerus="yes">
        <source>Closed (%n failure(s))</source>
        <translation>
            <numerusform>Fermé (%n échec)</numerusform>
            <numerusform>Fermé (%n échecs)</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Opérationnel</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Défaillant</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation>entrée du trousseau %1</translation>
    </message>
    <message>
        <source>keychain entry %1 (no key found)</source>
        <translation>entrée du trousseau %1 (aucune clé trouvée)</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>variable %1</translation>
    </message>
    <message>
        <source>variable %1 (not set)</source>
        <translation>variable %1 (non définie)</translation>
    </message>
    <message>
        <source>a key in the configuration</source>
        <translation>une clé dans la configuration</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>Add an endpoint with the setup wizard</source>
        <translation>Ajouter un point de terminaison avec l’assistant de configuration</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Change the selected endpoint&apos;s settings (Enter)</source>
        <translation>Modifier les paramètres du point de terminaison sélectionné (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected endpoint (only endpoints added in LLMProxy)</source>
        <translation>Supprimer le point de terminaison sélectionné (uniquement ceux ajoutés dans LLMProxy)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>M&amp;onter</translation>
    </message>
    <message>
        <source>Prefer the selected endpoint over the one above it (changes priorities)</source>
        <translation>Préférer le point de terminaison sélectionné à celui du dessus (modifie les priorités)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Prefer the endpoint below over the selected one (changes priorities)</source>
        <translation>Préférer le point de terminaison du dessous à celui sélectionné (modifie les priorités)</translation>
    </message>
    <message>
        <source>&amp;Test now</source>
        <translation>&amp;Tester maintenant</translation>
    </message>
    <message>
        <source>Run the selected endpoint&apos;s health check now</source>
        <translation>Lancer maintenant la vérification d’état du point de terminaison sélectionné</translation>
    </message>
    <message>
        <source>&amp;Reset breaker</source>
        <translation>&amp;Réinitialiser le disjoncteur</translation>
    </message>
    <message>
        <source>Close the circuit breaker: requests go to the endpoint again at once</source>
        <translation>Fermer le disjoncteur : les requêtes vont de nouveau immédiatement vers le point de terminaison</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>Disjoncteur</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Every endpoint in routing order, lowest priority first. Enter edits the selected one, Delete removes it, the context menu has every action.</source>
        <translation>Tous les points de terminaison dans l’ordre de routage, priorité la plus basse en premier. Entrée modifie celui sélectionné, Suppr le retire, le menu contextuel propose toutes les actions.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Origine : %1</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>Désacti&amp;ver</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint again</source>
        <translation>Acheminer de nouveau les requêtes vers le point de terminaison sélectionné</translation>
    </message>
    <message>
        <source>Stop routing requests to the selected endpoint</source>
        <translation>Ne plus acheminer de requêtes vers le point de terminaison sélectionné</translation>
    </message>
    <message>
        <source>Comes from %1: disable it instead</source>
        <translation>Origine : %1 ; désactivez-le plutôt</translation>
    </message>
    <message>
        <source>No endpoint yet. Add one to start routing requests.</source>
        <translation>Aucun point de terminaison pour l’instant. Ajoutez-en un pour commencer à acheminer des requêtes.</translation>
    </message>
    <message>
        <source>Select an endpoint to see its statistics.</source>
        <translation>Sélectionnez un point de terminaison pour voir ses statistiques.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>%1 — %2 at %3</source>
        <translation>%1 — %2 à l’adresse %3</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>n’importe quel modèle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routage</translation>
    </message>
    <message>
        <source>priority %1, weight %2, %3</source>
        <translation>priorité %1, poids %2, %3</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Disjoncteur</translation>
    </message>
    <message>
        <source>%1 (checked at %2)</source>
        <translation>%1 (vérifié à %2)</translation>
    </message>
    <message>
        <source>%1 answered, %2 failed, success rate %3 %</source>
        <translation>%1 réussies, %2 échouées, taux de réussite %3 %</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message numerus="yes">
        <source>average %1; p50 %2, p95 %3 over its last %n request(s)</source>
        <translation>
            <numerusform>moyenne %1 ; p50 %2, p95 %3 sur %n requête récente</numerusform>
            <numerusform>moyenne %1 ; p50 %2, p95 %3 sur ses %n requêtes récentes</numerusform>
        </translation>
    </message>
    <message>
        <source>no recent requests</source>
        <translation>aucune requête récente</translation>
    </message>
    <message>
        <source>none among the recent requests</source>
        <translation>aucune parmi les requêtes récentes</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>%1 modifié.</translation>
    </message>
    <message>
        <source>%1 comes from %2 — disable it instead.</source>
        <translation>%1 a pour origine %2 — désactivez-le plutôt.</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Supprimer le point de terminaison</translation>
    </message>
    <message>
        <source>Delete the endpoint %1? Requests already on it finish; new ones go elsewhere.</source>
        <translation>Supprimer le point de terminaison %1 ? Les requêtes déjà en cours se terminent ; les nouvelles vont ailleurs.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 supprimé.</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>%1 désactivé.</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>%1 activé.</translation>
    </message>
    <message>
        <source>%1 moved up.</source>
        <translation>%1 monté.</translation>
    </message>
    <message>
        <source>%1 moved down.</source>
        <translation>%1 descendu.</translation>
    </message>
    <message>
        <source>Checking %1… its health shows in the table.</source>
        <translation>Vérification de %1… son état s’affiche dans le tableau.</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed.</source>
        <translation>Disjoncteur de %1 fermé.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EngineController</name>
    <message>
        <source>A key name has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Un nom de clé comporte de 1 à 64 lettres, chiffres, « . », « _ » ou « - ».</translation>
    </message>
    <message>
        <source>A client key named “%1” exists already.</source>
        <translation>Une clé client nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>The key could not be created.</source>
        <translation>La clé n’a pas pu être créée.</translation>
    </message>
    <message>
        <source>The key “%1” comes from the configuration file; remove it there.</source>
        <translation>La clé « %1 » provient du fichier de configuration ; supprimez-la dans ce fichier.</translation>
    </message>
    <message>
        <source>No client key is named “%1”.</source>
        <translation>Aucune clé client ne s’appelle « %1 ».</translation>
    </message>
    <message>
        <source>The request history is off: server.storage.enabled is false, or there is no data directory.</source>
        <translation>L’historique des requêtes est désactivé : server.storage.enabled vaut false, ou il n’y a pas de répertoire de données.</translation>
    </message>
    <message>
        <source>The request history cannot be read: %1</source>
        <translation>Impossible de lire l’historique des requêtes : %1</translation>
    </message>
    <message>
        <source>Spend analytics need the store: server.storage.enabled is false, or there is no data directory.</source>
        <translation>Les analyses de dépenses ont besoin du stockage : server.storage.enabled vaut false, ou il n’y a pas de répertoire de données.</translation>
    </message>
    <message>
        <source>The first day of the range must not be after its last day.</source>
        <translation>Le premier jour de la plage ne doit pas être après son dernier jour.</translation>
    </message>
    <message>
        <source>A report covers at most %1 days.</source>
        <translation>Un rapport couvre au plus %1 jours.</translation>
    </message>
    <message>
        <source>The spend rollups cannot be read: %1</source>
        <translation>Les cumuls de dépenses ne peuvent pas être lus : %1</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs the store (server.storage.enabled and a data directory).</source>
        <translation>Le registre d’audit est désactivé : il a besoin du stockage (server.storage.enabled et un répertoire de données).</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs a database and a ledger secret (LLM_PROXY_AUDIT_SECRET; see docs/audit.md).</source>
        <translation>Le registre d’audit est désactivé : il a besoin d’une base de données et d’un secret de registre (LLM_PROXY_AUDIT_SECRET ; voir docs/audit.md).</translation>
    </message>
    <message>
        <source>The audit ledger cannot be used: %1</source>
        <translation>Le registre d’audit ne peut pas être utilisé : %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FallbackChainDialog</name>
    <message>
        <source>Add fallback chain</source>
        <translation>Ajouter une chaîne de repli</translation>
    </message>
    <message>
        <source>Edit fallback chain</source>
        <translation>Modifier la chaîne de repli</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Hops, tried in this order</source>
        <translation>Étapes, essayées dans cet ordre</translation>
    </message>
    <message>
        <source>Hop endpoint or provider</source>
        <translation>Point de terminaison ou fournisseur de l’étape</translation>
    </message>
    <message>
        <source>Hop model</source>
        <translation>Modèle de l’étape</translation>
    </message>
    <message>
        <source>the same model</source>
        <translation>le même modèle</translation>
    </message>
    <message>
        <source>Add &amp;hop</source>
        <translation>Ajouter une &amp;étape</translation>
    </message>
    <message>
        <source>Re&amp;move hop</source>
        <translation>Reti&amp;rer l’étape</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>M&amp;onter</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Why the chain was not set</source>
        <translation>Pourquoi la chaîne n’a pas été définie</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>Hops, tried in this order when every endpoint of the model fails:</source>
        <translation>Étapes, essayées dans cet ordre quand tous les points de terminaison du modèle échouent :</translation>
    </message>
    <message>
        <source>&amp;Endpoint or provider:</source>
        <translation>&amp;Point de terminaison ou fournisseur :</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odèle :</translation>
    </message>
    <message>
        <source>Choose the endpoint or provider of the hop first.</source>
        <translation>Choisissez d’abord le point de terminaison ou le fournisseur de l’étape.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>Non défini : %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FirstRunWizard</name>
    <message>
        <source>Where should requests go?</source>
        <translation>Où les requêtes doivent-elles aller ?</translation>
    </message>
    <message>
        <source>Choose a cloud provider, or a model server running on this computer.</source>
        <translation>Choisissez un fournisseur cloud, ou un serveur de modèles qui tourne sur cet ordinateur.</translation>
    </message>
    <message>
        <source>A &amp;cloud provider</source>
        <translation>Un fournisseur &amp;cloud</translation>
    </message>
    <message>
        <source>Use a cloud provider</source>
        <translation>Utiliser un fournisseur cloud</translation>
    </message>
    <message>
        <source>Cloud provider</source>
        <translation>Fournisseur cloud</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>A &amp;local server on this computer</source>
        <translation>Un serveur &amp;local sur cet ordinateur</translation>
    </message>
    <message>
        <source>Use a local server</source>
        <translation>Utiliser un serveur local</translation>
    </message>
    <message>
        <source>Local servers found</source>
        <translation>Serveurs locaux trouvés</translation>
    </message>
    <message>
        <source>&amp;Scan again</source>
        <translation>&amp;Rechercher à nouveau</translation>
    </message>
    <message>
        <source>Scan again for local servers</source>
        <translation>Rechercher à nouveau des serveurs locaux</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Fournisseur :</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;URL de base :</translation>
    </message>
    <message>
        <source>https://… (this provider needs your own URL)</source>
        <translation>https://… (ce fournisseur a besoin de votre propre URL)</translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Obtenez une clé sur &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Looking for Ollama, LM Studio, vLLM and llama.cpp on this computer…</source>
        <translation>Recherche d’Ollama, LM Studio, vLLM et llama.cpp sur cet ordinateur…</translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation>pas encore de modèles</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1 à l’adresse %2 — %3</translation>
    </message>
    <message>
        <source>Loaded now: %1</source>
        <translation>Chargés actuellement : %1</translation>
    </message>
    <message>
        <source>No local model server is running.</source>
        <translation>Aucun serveur de modèles local n’est en cours d’exécution.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n local server(s).</source>
        <translation>
            <numerusform>%n serveur local trouvé.</numerusform>
            <numerusform>%n serveurs locaux trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>LLMProxy sends this key to %1 with every request it forwards there.</source>
        <translation>LLMProxy envoie cette clé à %1 avec chaque requête qu’il y achemine.</translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation>Stockage de la clé dans le trousseau du système…</translation>
    </message>
    <message>
        <source>The key is in the system keychain as &quot;%1&quot;.</source>
        <translation>La clé se trouve dans le trousseau du système sous le nom « %1 ».</translation>
    </message>
    <message>
        <source>The system keychain could not store the key: %1&lt;br&gt;There may be no keychain service on this computer. Use an environment variable instead: set it before LLMProxy starts; the key is not written anywhere by LLMProxy.</source>
        <translation>Le trousseau du système n’a pas pu stocker la clé : %1&lt;br&gt;Il n’y a peut-être aucun service de trousseau sur cet ordinateur. Utilisez plutôt une variable d’environnement : définissez-la avant le démarrage de LLMProxy ; LLMProxy n’écrit la clé nulle part.</translation>
    </message>
    <message>
        <source>Set %1 in the environment LLMProxy starts in. The key you paste above is only used to fetch the model list now; it is not saved.</source>
        <translation>Définissez %1 dans l’environnement dans lequel LLMProxy démarre. La clé collée ci-dessus sert uniquement à récupérer la liste des modèles maintenant ; elle n’est pas enregistrée.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Check the models LLMProxy should send to this endpoint.</source>
        <translation>Cochez les modèles que LLMProxy doit envoyer à ce point de terminaison.</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>État de la liste des modèles</translation>
    </message>
    <message>
        <source>Model name to add</source>
        <translation>Nom du modèle à ajouter</translation>
    </message>
    <message>
        <source>Another model name</source>
        <translation>Autre nom de modèle</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add the model</source>
        <translation>Ajouter le modèle</translation>
    </message>
    <message>
        <source>%1 serves these models.</source>
        <translation>%1 sert ces modèles.</translation>
    </message>
    <message>
        <source>Without the key here, the model list cannot be fetched: type the model names.</source>
        <translation>Sans la clé ici, la liste des modèles ne peut pas être récupérée : saisissez les noms des modèles.</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>Demande de ses modèles à %1…</translation>
    </message>
    <message>
        <source>The provider lists no models: type the model names.</source>
        <translation>Le fournisseur ne liste aucun modèle : saisissez les noms des modèles.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available.</source>
        <translation>
            <numerusform>%n modèle disponible.</numerusform>
            <numerusform>%n modèles disponibles.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model list could not be fetched: %1&lt;br&gt;You can still type model names below.</source>
        <translation>La liste des modèles n’a pas pu être récupérée : %1&lt;br&gt;Vous pouvez quand même saisir des noms de modèles ci-dessous.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>LLMProxy adds the endpoint and sends it a short real request.</source>
        <translation>LLMProxy ajoute le point de terminaison et lui envoie une courte requête réelle.</translation>
    </message>
    <message>
        <source>Model to test</source>
        <translation>Modèle à tester</translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation>&amp;Tester à nouveau</translation>
    </message>
    <message>
        <source>Send the test request again</source>
        <translation>Renvoyer la requête de test</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat du test</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>Adding the endpoint &quot;%1&quot;…</source>
        <translation>Ajout du point de terminaison « %1 »…</translation>
    </message>
    <message>
        <source>The endpoint could not be added: %1</source>
        <translation>Le point de terminaison n’a pas pu être ajouté : %1</translation>
    </message>
    <message>
        <source>Sending a test request to %1…</source>
        <translation>Envoi d’une requête de test à %1…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>It works. The model answered in %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</source>
        <translation>Cela fonctionne. Le modèle a répondu en %1 :&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The provider refused the key. Go Back to fix it.</source>
        <translation>Le fournisseur a refusé la clé. Revenez en arrière pour la corriger.</translation>
    </message>
    <message>
        <source>Go Back to change the settings, or Test again.</source>
        <translation>Revenez en arrière pour modifier les paramètres, ou testez à nouveau.</translation>
    </message>
    <message>
        <source>The request failed: %1&lt;br&gt;%2</source>
        <translation>La requête a échoué : %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>none (local server)</source>
        <translation>aucune (serveur local)</translation>
    </message>
    <message>
        <source>system keychain, entry &quot;%1&quot;</source>
        <translation>trousseau du système, entrée « %1 »</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>variable d’environnement %1</translation>
    </message>
    <message>
        <source>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 at %3&lt;br&gt;Models: %4&lt;br&gt;Key: %5&lt;br&gt;It is saved and listed in the main window; the Endpoints window changes it later.</source>
        <translation>Point de terminaison &lt;b&gt;%1&lt;/b&gt; : %2 à l’adresse %3&lt;br&gt;Modèles : %4&lt;br&gt;Clé : %5&lt;br&gt;Il est enregistré et figure dans la fenêtre principale ; la fenêtre Points de terminaison permet de le modifier plus tard.</translation>
    </message>
    <message>
        <source>Set up LLMProxy</source>
        <translation>Configurer LLMProxy</translation>
    </message>
    <message>
        <source>First-run wizard</source>
        <translation>Assistant de premier démarrage</translation>
    </message>
</context>
<context>
    <name>llmproxy::GuardsWindow</name>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Switched off by %1 in the environment: the environment wins, so it cannot be switched on here.</source>
        <translation>Désactivé par %1 dans l’environnement : l’environnement l’emporte, il ne peut donc pas être activé ici.</translation>
    </message>
    <message>
        <source>Needs a signing key: set LLM_PROXY_SIGNING_KEY and restart LLMProxy.</source>
        <translation>Nécessite une clé de signature : définissez LLM_PROXY_SIGNING_KEY et redémarrez LLMProxy.</translation>
    </message>
    <message>
        <source>Switched off in the configuration file (%1).</source>
        <translation>Désactivé dans le fichier de configuration (%1).</translation>
    </message>
    <message>
        <source>Switched on here, as in the configuration.</source>
        <translation>Activé ici, comme dans la configuration.</translation>
    </message>
    <message>
        <source>Switched off here, as in the configuration.</source>
        <translation>Désactivé ici, comme dans la configuration.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration says off.</source>
        <translation>Activé ici ; la configuration indique désactivé.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration says on.</source>
        <translation>Désactivé ici ; la configuration indique activé.</translation>
    </message>
    <message>
        <source>Not running while the security guards are switched off.</source>
        <translation>Inactif tant que les filtres de sécurité sont désactivés.</translation>
    </message>
    <message>
        <source>%1 scanned · %2 blocked</source>
        <translation>%1 analysées · %2 bloquées</translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation>État de %1</translation>
    </message>
    <message>
        <source>%1 counters</source>
        <translation>Compteurs de %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 activé</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Revenir à la configuration</translation>
    </message>
    <message>
        <source>%1: back to configuration</source>
        <translation>%1 : revenir à la configuration</translation>
    </message>
    <message>
        <source>The guards switched on below inspect every request and answer.</source>
        <translation>Les filtres activés ci-dessous inspectent chaque requête et réponse.</translation>
    </message>
    <message>
        <source>Requests reach the providers unchecked.</source>
        <translation>Les requêtes atteignent les fournisseurs sans contrôle.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards on.</source>
        <translation>La configuration active les filtres de sécurité.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards off.</source>
        <translation>La configuration désactive les filtres de sécurité.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration (security.enabled) says off.</source>
        <translation>Activé ici ; la configuration (security.enabled) indique désactivé.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration (security.enabled) says on.</source>
        <translation>Désactivé ici ; la configuration (security.enabled) indique activé.</translation>
    </message>
    <message>
        <source>Switched off in the configuration (security.enabled: false).</source>
        <translation>Désactivé dans la configuration (security.enabled: false).</translation>
    </message>
    <message>
        <source>%1 requests scanned, %2 blocked. Scan time per request: median %3, p95 %4, p99 %5.</source>
        <translation>%1 requêtes analysées, %2 bloquées. Durée d’analyse par requête : médiane %3, p95 %4, p99 %5.</translation>
    </message>
    <message>
        <source>Running now.</source>
        <translation>En cours d’exécution.</translation>
    </message>
    <message>
        <source>Not running: the security guards are switched off.</source>
        <translation>Inactif : les filtres de sécurité sont désactivés.</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Inactif.</translation>
    </message>
    <message>
        <source>%1 masked · %2 flagged</source>
        <translation>%1 masquées · %2 signalées</translation>
    </message>
    <message>
        <source>Switch %1 on or off now</source>
        <translation>Activer ou désactiver %1 maintenant</translation>
    </message>
    <message>
        <source>The configuration switches it on.</source>
        <translation>La configuration l’active.</translation>
    </message>
    <message>
        <source>The configuration switches it off.</source>
        <translation>La configuration le désactive.</translation>
    </message>
</context>
<context>
    <name>llmproxy::HistoryWindow</name>
    <message>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Successful (2xx)</source>
        <translation>Réussies (2xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Erreurs client (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Erreurs serveur (5xx)</translation>
    </message>
    <message>
        <source>Blocked by a guard</source>
        <translation>Bloquées par un filtre de sécurité</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis le début</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de requête</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>(stream)</source>
        <translation>(flux)</translation>
    </message>
    <message>
        <source>Client API</source>
        <translation>API client</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Model asked for</source>
        <translation>Modèle demandé</translation>
    </message>
    <message>
        <source>Model served</source>
        <translation>Modèle servi</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Bloquée par</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Délai jusqu’au premier jeton</translation>
    </message>
    <message>
        <source>Gateway overhead</source>
        <translation>Surcoût de la passerelle</translation>
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
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(estimé)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No stored request matches.</source>
        <translation>Aucune requête enregistrée ne correspond.</translation>
    </message>
    <message>
        <source>Matching requests: %1</source>
        <translation>Requêtes correspondantes : %1</translation>
    </message>
    <message>
        <source>shown: %1</source>
        <translation>affichées : %1</translation>
    </message>
    <message>
        <source>the first %1 only: narrow the filters to see the others</source>
        <translation>seulement les %1 premières : affinez les filtres pour voir les autres</translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation>faites défiler vers le bas pour en voir plus</translation>
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
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sécurité</translation>
    </message>
</context>
<context>
    <name>llmproxy::ModelsWindow</name>
    <message>
        <source>up</source>
        <translation>opérationnel</translation>
    </message>
    <message>
        <source>down</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>état inconnu</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Changed here</source>
        <translation>Modifié ici</translation>
    </message>
    <message>
        <source>config.yaml</source>
        <translation>config.yaml</translation>
    </message>
    <message>
        <source>alias of %1</source>
        <translation>alias de %1</translation>
    </message>
    <message>
        <source>(any model)</source>
        <translation>(n’importe quel modèle)</translation>
    </message>
    <message>
        <source>No enabled endpoint serves a model yet.</source>
        <translation>Aucun point de terminaison activé ne sert encore de modèle.</translation>
    </message>
    <message>
        <source>As requested</source>
        <translation>Tel que demandé</translation>
    </message>
    <message>
        <source>Any endpoint</source>
        <translation>N’importe quel point de terminaison</translation>
    </message>
    <message>
        <source>Alias %1 → %2 set.</source>
        <translation>Alias %1 → %2 défini.</translation>
    </message>
    <message>
        <source>Alias %1 removed.</source>
        <translation>Alias %1 retiré.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 set.</source>
        <translation>Chaîne de repli de %1 définie.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 removed.</source>
        <translation>Chaîne de repli de %1 retirée.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
    </message>
    <message>
        <source>These requests go to the model they ask for.</source>
        <translation>Ces requêtes vont au modèle qu’elles demandent.</translation>
    </message>
    <message>
        <source>These requests now go to %1.</source>
        <translation>Ces requêtes vont désormais à %1.</translation>
    </message>
    <message>
        <source>These requests now go to %1 on %2 first.</source>
        <translation>Ces requêtes vont désormais d’abord à %1 sur %2.</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Annuler toutes les modifications faites ici</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed in this window or through the admin API? The configuration file&apos;s routing applies again.</source>
        <translation>Abandonner tous les alias, chaînes de repli et redirections de routage modifiés dans cette fenêtre ou via l’API d’administration ? Le routage du fichier de configuration s’applique de nouveau.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>The configuration file&apos;s routing applies again.</source>
        <translation>Le routage du fichier de configuration s’applique de nouveau.</translation>
    </message>
    <message>
        <source>Name or pattern</source>
        <translation>Nom ou motif</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Modèle cible</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>Étapes</translation>
    </message>
</context>
<context>
    <name>llmproxy::PlaygroundWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Choose a model, type a prompt and press Send: the request goes through the gateway like any client&apos;s, and the answer streams in here with the route it took, its tokens, cost and any security decision.</source>
        <translation>Choisissez un modèle, saisissez un prompt et appuyez sur Envoyer : la requête passe par la passerelle comme celle de n’importe quel client, et la réponse s’affiche ici au fil de l’eau avec la route empruntée, ses jetons, son coût et toute décision de sécurité.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so it offers no models.</source>
        <translation>La passerelle n’est pas à l’écoute, elle ne propose donc aucun modèle.</translation>
    </message>
    <message>
        <source>Asking the gateway for its models…</source>
        <translation>Interrogation de la passerelle sur ses modèles…</translation>
    </message>
    <message>
        <source>The gateway requires a client key: enter one of its keys above.</source>
        <translation>La passerelle exige une clé client : saisissez l’une de ses clés ci-dessus.</translation>
    </message>
    <message>
        <source>The gateway refused this key: %1</source>
        <translation>La passerelle a refusé cette clé : %1</translation>
    </message>
    <message>
        <source>Cannot list the gateway&apos;s models: %1</source>
        <translation>Impossible de lister les modèles de la passerelle : %1</translation>
    </message>
    <message>
        <source>The gateway offers no model yet: add an endpoint to the configuration.</source>
        <translation>La passerelle ne propose encore aucun modèle : ajoutez un point de terminaison à la configuration.</translation>
    </message>
    <message>
        <source>1 model offered by the gateway at %1.</source>
        <translation>1 modèle proposé par la passerelle à %1.</translation>
    </message>
    <message>
        <source>%1 models offered by the gateway at %2.</source>
        <translation>%1 modèles proposés par la passerelle à %2.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Choisissez d’abord un modèle.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Saisissez d’abord un prompt.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so nothing can be sent. Check the main window&apos;s state.</source>
        <translation>La passerelle n’est pas à l’écoute, rien ne peut donc être envoyé. Vérifiez l’état dans la fenêtre principale.</translation>
    </message>
    <message>
        <source>You → %1</source>
        <translation>Vous → %1</translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation>Système : %1</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>En attente de %1…</translation>
    </message>
    <message>
        <source>Streaming from %1…</source>
        <translation>Réception depuis %1…</translation>
    </message>
    <message>
        <source>Collecting the gateway&apos;s figures…</source>
        <translation>Collecte des chiffres de la passerelle…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Arrêté après %1.</translation>
    </message>
    <message>
        <source>Answered in %1.</source>
        <translation>Réponse en %1.</translation>
    </message>
    <message>
        <source>Route: none (answered by the gateway itself)</source>
        <translation>Route : aucune (réponse de la passerelle elle-même)</translation>
    </message>
    <message>
        <source>Route: endpoint %1</source>
        <translation>Route : point de terminaison %1</translation>
    </message>
    <message>
        <source>Route: endpoint %1 (%2)</source>
        <translation>Route : point de terminaison %1 (%2)</translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation>qui sert %1</translation>
    </message>
    <message>
        <source>after %1 attempts</source>
        <translation>après %1 tentatives</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation>Jetons : %1 en entrée, %2 en sortie</translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation>Jetons : non communiqués</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Coût : %1</translation>
    </message>
    <message>
        <source>Cost: unknown (no usage or no price for this model)</source>
        <translation>Coût : inconnu (pas de consommation ou pas de prix pour ce modèle)</translation>
    </message>
    <message>
        <source>Gateway overhead before the answer began: %1</source>
        <translation>Surcoût de la passerelle avant le début de la réponse : %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 (%2 before the answer began)</source>
        <translation>Surcoût de la passerelle : %1 (%2 avant le début de la réponse)</translation>
    </message>
    <message>
        <source>Gateway overhead: %1</source>
        <translation>Surcoût de la passerelle : %1</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>Premier jeton : %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Requête %1</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2%3</source>
        <translation>Sécurité : bloqué par %1, code %2%3</translation>
    </message>
    <message>
        <source>Security: 1 value masked before the request left (%1)</source>
        <translation>Sécurité : 1 valeur masquée avant l’envoi de la requête (%1)</translation>
    </message>
    <message>
        <source>Security: %1 values masked before the request left (%2)</source>
        <translation>Sécurité : %1 valeurs masquées avant l’envoi de la requête (%2)</translation>
    </message>
    <message>
        <source>Security: values masked by %1%2</source>
        <translation>Sécurité : valeurs masquées par %1%2</translation>
    </message>
    <message>
        <source>Security: flagged by %1, %2%3</source>
        <translation>Sécurité : signalé par %1, %2%3</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2</source>
        <translation>Sécurité : bloqué par %1, code %2</translation>
    </message>
    <message>
        <source>Blocked by the gateway&apos;s security guards (%1): %2 (code %3, HTTP %4).</source>
        <translation>Bloqué par les filtres de sécurité de la passerelle (%1) : %2 (code %3, HTTP %4).</translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1: %2 (code %3).</source>
        <translation>La passerelle a répondu HTTP %1 : %2 (code %3).</translation>
    </message>
    <message>
        <source>The answer stopped with an error: %1 (code %2).</source>
        <translation>La réponse s’est arrêtée sur une erreur : %1 (code %2).</translation>
    </message>
    <message>
        <source>Cannot reach the gateway at %1: %2. Is the proxy running and listening?</source>
        <translation>Impossible de joindre la passerelle à %1 : %2. Le proxy est-il en service et à l’écoute ?</translation>
    </message>
    <message>
        <source>The connection to the gateway broke: %1.</source>
        <translation>La connexion à la passerelle a été interrompue : %1.</translation>
    </message>
    <message>
        <source>The stream ended without its final [DONE] event: the answer may be incomplete.</source>
        <translation>Le flux s’est terminé sans son événement final [DONE] : la réponse est peut-être incomplète.</translation>
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
    <name>llmproxy::RouteMenu</name>
    <message>
        <source>Claude Code (Anthropic Messages API)</source>
        <translation>Claude Code (Anthropic Messages API)</translation>
    </message>
    <message>
        <source>Codex (Responses API)</source>
        <translation>Codex (Responses API)</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions API)</source>
        <translation>Autres outils (Chat Completions API)</translation>
    </message>
    <message>
        <source>&amp;Route coding tools</source>
        <translation>&amp;Rediriger les outils de programmation</translation>
    </message>
    <message>
        <source>Send every request of a coding tool to one model, whatever it asks for</source>
        <translation>Envoyer toutes les requêtes d’un outil de programmation vers un seul modèle, quel que soit le modèle demandé</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>As requested (no override)</source>
        <translation>Tel que demandé (aucune redirection)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Models window</source>
        <translation>
            <numerusform>%n autre dans la fenêtre Modèles</numerusform>
            <numerusform>%n autres dans la fenêtre Modèles</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>No endpoint lists its models</source>
        <translation>Aucun point de terminaison ne liste ses modèles</translation>
    </message>
</context>
<context>
    <name>llmproxy::SecurityWindow</name>
    <message>
        <source>Security — LLMProxy</source>
        <translation>Sécurité — LLMProxy</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Chaîne d’audit</translation>
    </message>
    <message>
        <source>Every audited event is chained to the one before it by a hash. Verifying walks the chain from its checkpoint to its newest entry and reports the first entry that was changed, removed or inserted.</source>
        <translation>Chaque événement audité est chaîné au précédent par un hachage. La vérification parcourt la chaîne depuis son point de contrôle jusqu’à son entrée la plus récente et signale la première entrée modifiée, supprimée ou insérée.</translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation>&amp;Vérifier la chaîne d’audit</translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Données personnelles (RGPD)</translation>
    </message>
    <message>
        <source>A person&apos;s data in the audit ledger is sealed with keys of their own. Export saves all of it as JSON; Erase destroys their keys, so it can never be read again, while the chain still verifies.</source>
        <translation>Les données d’une personne dans le registre d’audit sont scellées avec des clés qui lui sont propres. Exporter les enregistre toutes en JSON ; Effacer détruit ses clés, de sorte qu’elles ne pourront plus jamais être lues, et la chaîne reste vérifiable.</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Personne :</translation>
    </message>
    <message>
        <source>Key name, user or IP address</source>
        <translation>Nom de clé, utilisateur ou adresse IP</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Save everything the audit ledger holds about this person as JSON</source>
        <translation>Enregistrer en JSON tout ce que le registre d’audit contient sur cette personne</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>E&amp;ffacer…</translation>
    </message>
    <message>
        <source>Destroy this person&apos;s keys: their data in the audit ledger can no longer be read</source>
        <translation>Détruire les clés de cette personne : ses données dans le registre d’audit ne pourront plus être lues</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Not verified since this window opened.</source>
        <translation>Non vérifiée depuis l’ouverture de cette fenêtre.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>✔ The chain is empty: nothing has been audited yet (checked in %1).</source>
        <translation>✔ La chaîne est vide : rien n’a encore été audité (vérifiée en %1).</translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 entries checked in %2; the newest is entry %3.</source>
        <translation>✔ La chaîne est intacte : %1 entrées vérifiées en %2 ; la plus récente est l’entrée %3.</translation>
    </message>
    <message>
        <source>✘ The chain is broken at entry %1 (%2: %3). %4 entries before it were checked in %5.</source>
        <translation>✘ La chaîne est rompue à l’entrée %1 (%2 : %3). %4 entrées avant elle ont été vérifiées en %5.</translation>
    </message>
    <message>
        <source>Erase “%1” from the audit ledger?

Their keys are destroyed: the names, addresses and personal details in every audit entry about them can never be read again, by anyone, and no export will contain them. The entries themselves stay, so the chain still verifies. This cannot be undone.</source>
        <translation>Effacer « %1 » du registre d’audit ?

Ses clés sont détruites : les noms, adresses et données personnelles de chaque entrée d’audit la concernant ne pourront plus jamais être lus, par personne, et aucun export ne les contiendra. Les entrées elles-mêmes restent, donc la chaîne reste vérifiable. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Effacer des données personnelles</translation>
    </message>
    <message>
        <source>Erase “%1”</source>
        <translation>Effacer « %1 »</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Effacement…</translation>
    </message>
    <message>
        <source>“%1” is erased: %2 keys destroyed; %3 entries held their data. The erasure is entry %4 of the chain.</source>
        <translation>« %1 » est effacé : %2 clés détruites ; %3 entrées contenaient ses données. L’effacement est l’entrée %4 de la chaîne.</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Exporter des données personnelles</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Saved the data of “%1” to %2.</source>
        <translation>Les données de « %1 » ont été enregistrées dans %2.</translation>
    </message>
</context>
<context>
    <name>llmproxy::SettingsWindow</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <source>Cannot keep a backup of %1 as %2; nothing was saved.</source>
        <translation>Impossible de conserver une sauvegarde de %1 sous %2 ; rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>Debug: everything, for finding a problem</source>
        <translation>Débogage : tout, pour trouver un problème</translation>
    </message>
    <message>
        <source>Info: requests and changes</source>
        <translation>Info : requêtes et modifications</translation>
    </message>
    <message>
        <source>Warning: only what needs attention</source>
        <translation>Avertissement : uniquement ce qui demande de l’attention</translation>
    </message>
    <message>
        <source>Error: only failures</source>
        <translation>Erreur : uniquement les échecs</translation>
    </message>
    <message>
        <source>Text: one readable line per event</source>
        <translation>Texte : une ligne lisible par événement</translation>
    </message>
    <message>
        <source>JSON: one object per line, for log collectors</source>
        <translation>JSON : un objet par ligne, pour les collecteurs de journaux</translation>
    </message>
    <message>
        <source>The log goes to the standard error output: the terminal that started LLMProxy, or the system journal when it runs as a service. The configuration has no log file of its own; redirect the output to keep one.</source>
        <translation>Le journal est écrit sur la sortie d’erreur standard : le terminal qui a lancé LLMProxy, ou le journal système lorsqu’il tourne en tant que service. La configuration n’a pas de fichier journal propre ; redirigez la sortie pour en conserver un.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Off: only programs on this computer can use the proxy (127.0.0.1). On: other machines on your network reach it at this computer&apos;s address.&lt;/p&gt;&lt;p&gt;They could then spend your provider accounts, so LLMProxy listens beyond this computer only when clients must send a proxy key: set &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (comma-separated keys) in the environment or in &lt;code&gt;.env&lt;/code&gt;, or add keys under &lt;code&gt;server.auth.keys&lt;/code&gt; in the configuration file. Without a key it refuses to start. The proxy speaks plain HTTP: on a network you do not trust, put a TLS reverse proxy in front of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Désactivé : seuls les programmes de cette machine peuvent utiliser le proxy (127.0.0.1). Activé : les autres machines de votre réseau le joignent à l’adresse de cette machine.&lt;/p&gt;&lt;p&gt;Elles pourraient alors consommer vos comptes chez les fournisseurs ; LLMProxy n’écoute donc au-delà de cette machine que si les clients doivent envoyer une clé du proxy : définissez &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (clés séparées par des virgules) dans l’environnement ou dans &lt;code&gt;.env&lt;/code&gt;, ou ajoutez des clés sous &lt;code&gt;server.auth.keys&lt;/code&gt; dans le fichier de configuration. Sans clé, il refuse de démarrer. Le proxy parle HTTP en clair : sur un réseau auquel vous ne faites pas confiance, placez devant lui un proxy inverse TLS.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none: nothing is kept between runs</source>
        <translation>aucun : rien n’est conservé d’une exécution à l’autre</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>Aucun fichier de configuration n’est utilisé ; démarrez LLMProxy avec --config FICHIER.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>The proxy is not listening.</source>
        <translation>Le proxy n’est pas à l’écoute.</translation>
    </message>
    <message>
        <source>Listening now on %1.</source>
        <translation>À l’écoute sur %1.</translation>
    </message>
    <message>
        <source>The configuration file has errors; correct them on the Configuration file page first.</source>
        <translation>Le fichier de configuration contient des erreurs ; corrigez-les d’abord sur la page Fichier de configuration.</translation>
    </message>
    <message>
        <source>%1 is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every IPv6 interface) or one of this computer&apos;s addresses.</source>
        <translation>%1 n’est pas une adresse IP : utilisez 0.0.0.0 (toutes les interfaces IPv4), :: (toutes les interfaces IPv6) ou l’une des adresses de cette machine.</translation>
    </message>
    <message>
        <source>No proxy key is configured, so LLMProxy would refuse to listen beyond this computer. Set LLM_PROXY_API_KEYS or add keys under server.auth.keys first.</source>
        <translation>Aucune clé du proxy n’est configurée, LLMProxy refuserait donc d’écouter au-delà de cette machine. Définissez d’abord LLM_PROXY_API_KEYS ou ajoutez des clés sous server.auth.keys.</translation>
    </message>
    <message>
        <source>the listen address</source>
        <translation>l’adresse d’écoute</translation>
    </message>
    <message>
        <source>the port</source>
        <translation>le port</translation>
    </message>
    <message>
        <source>The environment or the command line sets %1; the file&apos;s value is not used.</source>
        <translation>L’environnement ou la ligne de commande définit %1 ; la valeur du fichier n’est pas utilisée.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>A changed address or port takes effect after LLMProxy restarts: reloading the configuration does not move the listener.</source>
        <translation>Une adresse ou un port modifié prend effet après le redémarrage de LLMProxy : recharger la configuration ne déplace pas l’écoute.</translation>
    </message>
    <message>
        <source>Cannot change the configuration file: %1</source>
        <translation>Impossible de modifier le fichier de configuration : %1</translation>
    </message>
    <message>
        <source>Its layout could not be kept, so it was written anew without its comments; the previous file is %1.bak.</source>
        <translation>Sa mise en forme n’a pas pu être conservée, il a donc été réécrit sans ses commentaires ; l’ancien fichier est %1.bak.</translation>
    </message>
    <message>
        <source>Not saved, the file is unchanged: %1</source>
        <translation>Non enregistré, le fichier est inchangé : %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Rechargement…</translation>
    </message>
    <message>
        <source>%1 Reloaded: %2.</source>
        <translation>%1 Rechargé : %2.</translation>
    </message>
    <message>
        <source>%1 The reload failed, the previous configuration stays in force: %2</source>
        <translation>%1 Le rechargement a échoué, la configuration précédente reste en vigueur : %2</translation>
    </message>
    <message>
        <source>The new address takes effect after LLMProxy restarts.</source>
        <translation>La nouvelle adresse prend effet après le redémarrage de LLMProxy.</translation>
    </message>
    <message>
        <source>LLMProxy starts when you log in.</source>
        <translation>LLMProxy démarre à l’ouverture de votre session.</translation>
    </message>
    <message>
        <source>LLMProxy no longer starts when you log in.</source>
        <translation>LLMProxy ne démarre plus à l’ouverture de votre session.</translation>
    </message>
    <message>
        <source>Kept in %1, which starts %2.</source>
        <translation>Conservé dans %1, qui lance %2.</translation>
    </message>
    <message>
        <source>No file manager opens %1.</source>
        <translation>Aucun gestionnaire de fichiers n’ouvre %1.</translation>
    </message>
    <message>
        <source>1 error; choose it to go to its line.</source>
        <translation>1 erreur ; choisissez-la pour aller à sa ligne.</translation>
    </message>
    <message>
        <source>%1 errors; choose one to go to its line.</source>
        <translation>%1 erreurs ; choisissez-en une pour aller à sa ligne.</translation>
    </message>
    <message>
        <source>Not applied: the text has errors and the file is unchanged.</source>
        <translation>Non appliqué : le texte contient des erreurs et le fichier est inchangé.</translation>
    </message>
    <message>
        <source>The editor shows the file again.</source>
        <translation>L’éditeur affiche à nouveau le fichier.</translation>
    </message>
    <message>
        <source>Created here</source>
        <translation>Créée ici</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Fichier de configuration</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>Tous les modèles</translation>
    </message>
    <message>
        <source>There is no client key: every program that can reach the proxy may use it.</source>
        <translation>Il n’y a aucune clé client : tout programme qui peut joindre le proxy peut l’utiliser.</translation>
    </message>
    <message>
        <source>This key comes from the configuration file; remove it there.</source>
        <translation>Cette clé provient du fichier de configuration ; supprimez-la dans ce fichier.</translation>
    </message>
    <message>
        <source>Created the client key “%1”. Copy it now: it is not shown again.</source>
        <translation>Clé client « %1 » créée. Copiez-la maintenant : elle ne sera plus affichée.</translation>
    </message>
    <message>
        <source>Revoke client key</source>
        <translation>Révoquer la clé client</translation>
    </message>
    <message>
        <source>Revoke the client key “%1”? Programs that use it are refused from their next request.</source>
        <translation>Révoquer la clé client « %1 » ? Les programmes qui l’utilisent seront refusés dès leur prochaine requête.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Revoked the client key “%1”.</source>
        <translation>Clé client « %1 » révoquée.</translation>
    </message>
</context>
<context>
    <name>llmproxy::ThreatsWindow</name>
    <message>
        <source>Threats — LLMProxy</source>
        <translation>Menaces — LLMProxy</translation>
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
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Which events show a desktop notification</source>
        <translation>Quels événements affichent une notification de bureau</translation>
    </message>
    <message>
        <source>Endpoint down or back up</source>
        <translation>Point de terminaison en panne ou rétabli</translation>
    </message>
    <message>
        <source>Request blocked by a security guard</source>
        <translation>Requête bloquée par une protection de sécurité</translation>
    </message>
    <message>
        <source>Blocks not shown since the last notification: %1</source>
        <translation>Blocages non affichés depuis la dernière notification : %1</translation>
    </message>
    <message>
        <source>Endpoint changes not shown since the last notification: %1</source>
        <translation>Changements de point de terminaison non affichés depuis la dernière notification : %1</translation>
    </message>
    <message>
        <source>Endpoint down</source>
        <translation>Point de terminaison en panne</translation>
    </message>
    <message>
        <source>%1 is not answering; requests go to the other endpoints, if any.</source>
        <translation>%1 ne répond pas ; les requêtes vont aux autres points de terminaison, s’il y en a.</translation>
    </message>
    <message>
        <source>Endpoint back up</source>
        <translation>Point de terminaison rétabli</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 répond de nouveau.</translation>
    </message>
    <message>
        <source>Request blocked</source>
        <translation>Requête bloquée</translation>
    </message>
    <message>
        <source>The %1 guard blocked a request (%2).</source>
        <translation>La protection %1 a bloqué une requête (%2).</translation>
    </message>
    <message>
        <source>Endpoint down: %1</source>
        <translation>Point de terminaison en panne : %1</translation>
    </message>
    <message>
        <source>A request was blocked in the last minute</source>
        <translation>Une requête a été bloquée dans la dernière minute</translation>
    </message>
    <message>
        <source>Daily budget warning or limit reached</source>
        <translation>Seuil d’alerte ou budget quotidien atteint</translation>
    </message>
    <message>
        <source>Today: %1 of %2 budget</source>
        <translation>Aujourd’hui : %1 sur un budget de %2</translation>
    </message>
    <message>
        <source>Today: %1 spent (no daily budget)</source>
        <translation>Aujourd’hui : %1 dépensé (pas de budget quotidien)</translation>
    </message>
    <message>
        <source>Daily budget reached</source>
        <translation>Budget quotidien atteint</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 reached the daily budget of %2.</source>
        <translation>Les dépenses du jour (%1) ont atteint le budget quotidien de %2.</translation>
    </message>
    <message>
        <source>Budget warning</source>
        <translation>Alerte de budget</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 passed the warning level of %2.</source>
        <translation>Les dépenses du jour (%1) ont dépassé le seuil d’alerte de %2.</translation>
    </message>
</context>
</TS>
