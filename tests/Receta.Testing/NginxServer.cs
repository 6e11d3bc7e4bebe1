using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Receta.Testing;

/// <summary>
/// Debian's nginx (<c>/usr/sbin/nginx</c>) as a child process, running the repository's
/// <c>deploy/nginx/nginx.conf</c> and <c>receta.conf</c> with the given nodes as its upstreams, on a
/// free port of 127.0.0.1 with TLS (a self-signed certificate for <c>localhost</c>, <see cref="Certificate"/>).
/// Everything (configuration, pid, logs, temporary files) lives in a temporary folder, deleted on
/// dispose. A missing nginx is an error, never a skip (test.sh installs it).
/// </summary>
public sealed partial class NginxServer : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private const string FolderPrefix = "receta-nginx-";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;
    private readonly Process _process;

    private NginxServer(string folder, Process process, int port, X509Certificate2 certificate)
    {
        _folder = folder;
        _process = process;
        Port = port;
        Certificate = certificate;
    }

    public int Port { get; }

    /// <summary>The address clients use: <c>https://localhost:port</c>.</summary>
    public Uri Address => new(string.Create(CultureInfo.InvariantCulture, $"https://localhost:{Port}"));

    /// <summary>The certificate nginx presents, for clients to pin.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>nginx's access log (deploy/nginx/nginx.conf's format: which node answered, <c>up=</c>).</summary>
    public string AccessLog => Path.Combine(_folder, "logs", "access.log");

    /// <summary>
    /// Starts nginx with <paramref name="configurationFolder"/>'s <c>nginx.conf</c> and <c>receta.conf</c>,
    /// the latter's example upstream servers replaced by <paramref name="nodes"/> (keeping their
    /// parameters), its port by a free one and its certificate by a new one.
    /// </summary>
    public static async Task<NginxServer> StartAsync(string configurationFolder, IReadOnlyList<Uri> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (OperatingSystem.IsWindows() || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"nginx is missing at {Executable}: install Debian's package (apt-get install -y nginx; ./test.sh does).");
        }
        foreach (var abandoned in TempFolders.Abandoned(FolderPrefix))
        {
            TempFolders.Delete(abandoned);
        }
        var folder = TempFolders.Create(FolderPrefix);
        try
        {
            // nginx's workers run as nobody when it is started as root: they must reach the temporary folders inside.
            File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
            Directory.CreateDirectory(Path.Combine(folder, "logs"));
            Directory.CreateDirectory(Path.Combine(folder, "temp"));
            var certificate = WriteCertificate(folder);
            var port = FreePort();
            File.Copy(Path.Combine(configurationFolder, "nginx.conf"), Path.Combine(folder, "nginx.conf"));
            var receta = await File.ReadAllTextAsync(Path.Combine(configurationFolder, "receta.conf"));
            await File.WriteAllTextAsync(Path.Combine(folder, "receta.conf"), Fill(receta, nodes, port, folder));

            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-e", ErrorLog(folder), "-g", "daemon off;" })
            {
                start.ArgumentList.Add(argument);
            }
            var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new NginxServer(folder, process, port, certificate);
            await server.WaitUntilListeningAsync();
            return server;
        }
        catch
        {
            TempFolders.Delete(folder);
            throw;
        }
    }

    /// <summary>The operator's receta.conf with this test's nodes, port and certificate; each replacement must happen.</summary>
    private static string Fill(string receta, IReadOnlyList<Uri> nodes, int port, string folder)
    {
        var servers = UpstreamServer().Matches(receta);
        if (servers.Count == 0)
        {
            throw new InvalidOperationException("receta.conf has no 'server 127.0.0.1:PORT ...;' line in its upstream.");
        }
        var parameters = servers[0].Groups["parameters"].Value;
        var indent = servers[0].Groups["indent"].Value;
        var lines = string.Concat(nodes.Select(node => $"{indent}server {node.Host}:{node.Port.ToString(CultureInfo.InvariantCulture)}{parameters};\n"));
        var first = true;
        var filled = UpstreamServer().Replace(receta, _ =>
        {
            var replacement = first ? lines : "";
            first = false;
            return replacement;
        });
        filled = Replace(filled, Listen(), $"listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} ssl;");
        filled = Replace(filled, CertificateLine(), $"ssl_certificate {Path.Combine(folder, "receta.crt")};");
        filled = Replace(filled, CertificateKeyLine(), $"ssl_certificate_key {Path.Combine(folder, "receta.key")};");
        return filled;
    }

    private static string Replace(string text, Regex pattern, string replacement) =>
        pattern.IsMatch(text)
            ? pattern.Replace(text, replacement.Replace("$", "$$", StringComparison.Ordinal), 1)
            : throw new InvalidOperationException($"receta.conf has no line like '{pattern}'.");

    [GeneratedRegex(@"^(?<indent>[ \t]*)server 127\.0\.0\.1:\d+(?<parameters>[^;\n]*);\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen 127\.0\.0\.1:\d+ ssl;")]
    private static partial Regex Listen();

    [GeneratedRegex(@"ssl_certificate [^;\s]+;")]
    private static partial Regex CertificateLine();

    [GeneratedRegex(@"ssl_certificate_key [^;\s]+;")]
    private static partial Regex CertificateKeyLine();

    private static string ErrorLog(string folder) => Path.Combine(folder, "logs", "error.log");

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static X509Certificate2 WriteCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        File.WriteAllText(Path.Combine(folder, "receta.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "receta.key"), key.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(Path.Combine(folder, "receta.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Its public part only: clients pin it, nothing here signs with it.
        return X509CertificateLoader.LoadCertificate(certificate.RawData);
    }

    private async Task WaitUntilListeningAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{ReadErrorLog()}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"nginx did not listen on {Port} within {StartTimeout}:\n{ReadErrorLog()}");
            }
        }
    }

    /// <summary>nginx's error log (connections to a node refused or reset, nodes taken out).</summary>
    public string ReadErrorLog()
    {
        try
        {
            return File.ReadAllText(ErrorLog(_folder));
        }
        catch (IOException e)
        {
            return $"(no error log: {e.Message})";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The master and its workers: a worker outliving its master would keep the port.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Certificate.Dispose();
        TempFolders.Delete(_folder);
    }
}
