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
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>tout modèle</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>Fichier de configuration</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Auto-detected</source>
        <translation>Détecté automatiquement</translation>
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
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d’API</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>État</translation>
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
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2).</source>
        <translation>Ajoutez un point de terminaison sous &lt;code&gt;endpoints:&lt;/code&gt; dans %1, puis choisissez &lt;i&gt;Recharger la configuration&lt;/i&gt; (%2).</translation>
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
        <source>Provider</source>
        <translation>Fournisseur</translation>
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
</context>
</TS>
