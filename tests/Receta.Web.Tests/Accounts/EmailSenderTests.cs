using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Tests.Accounts;

/// <summary>The two email senders, without the app: a folder, and an SMTP server on the loopback address.</summary>
public sealed class EmailSenderTests
{
    private const string Link = "https://receta.example/invitations/0196a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/accept?from=email&really=a-long-query-string-that-passes-76-characters";
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FolderSender_Send_WritesOneReadableEmlFileWithTheLinkIntact()
    {
        var folder = Directory.CreateTempSubdirectory("receta-mail-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Email:Folder"] = folder }).Build();
            var sender = new FolderEmailSender(configuration, new FakeTimeProvider(Now));

            await sender.SendAsync(new EmailMessage("adela@example.test", "José invites you", $"Accept here:\n{Link}\n— José"), Cancellation);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.EndsWith(".eml", file, StringComparison.Ordinal);
            Assert.StartsWith("20250301-120000", Path.GetFileName(file), StringComparison.Ordinal);
            var text = await File.ReadAllTextAsync(file, Encoding.UTF8, Cancellation);
            Assert.Contains("To: adela@example.test", text, StringComparison.Ordinal);
            Assert.Contains("Subject:", text, StringComparison.Ordinal);
            Assert.Contains("From: Receta <no-reply@receta.invalid>", text, StringComparison.Ordinal);
            Assert.Contains(Link, text, StringComparison.Ordinal);
            Assert.Contains("— José", text, StringComparison.Ordinal);
            using var stream = File.OpenRead(file);
            var parsed = await MimeKit.MimeMessage.LoadAsync(stream, Cancellation);
            Assert.Equal("José invites you", parsed.Subject);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AddRecetaEmail_SmtpHostSet_ChoosesSmtp_Otherwise_TheFolder()
    {
        Assert.IsType<FolderEmailSender>(Resolve(new() { ["Email:Folder"] = Path.GetTempPath() }));
        Assert.IsType<SmtpEmailSender>(Resolve(new() { ["Smtp:Host"] = "smtp.example.test", ["Smtp:From"] = "Receta <no-reply@example.test>" }));
        Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["Smtp:Host"] = "smtp.example.test" }));
    }

    [Fact]
    public async Task SmtpSender_Send_DeliversTheMessageToTheServer()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var received = ReceiveOneAsync(server);
        var sender = new SmtpEmailSender(
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, UseTls = false, From = "Receta <no-reply@example.test>" }),
            new FakeTimeProvider(Now),
            NullLogger<SmtpEmailSender>.Instance);

        await sender.SendAsync(new EmailMessage("adela@example.test", "José invites you", $"Accept here:\n{Link}"), Cancellation);
        var (envelope, data) = await received.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

        Assert.Contains("RCPT TO:<adela@example.test>", envelope, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("MAIL FROM:<no-reply@example.test>", envelope, StringComparison.OrdinalIgnoreCase);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(data));
        var message = await MimeKit.MimeMessage.LoadAsync(stream, Cancellation);
        Assert.Equal("José invites you", message.Subject);
        Assert.Contains(Link, message.TextBody, StringComparison.Ordinal);
    }

    private static IEmailSender Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRecetaEmail(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IEmailSender>();
    }

    /// <summary>Just enough SMTP (RFC 5321) for one message without TLS or authentication: the envelope commands and the DATA.</summary>
    private static async Task<(string Envelope, string Data)> ReceiveOneAsync(TcpListener server)
    {
        using var client = await server.AcceptTcpClientAsync(Cancellation);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        var envelope = new StringBuilder();
        var data = new StringBuilder();
        await writer.WriteLineAsync("220 fake.test ESMTP");
        while (await reader.ReadLineAsync(Cancellation) is { } line)
        {
            envelope.AppendLine(line);
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-fake.test\r\n250 8BITMIME");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    while (await reader.ReadLineAsync(Cancellation) is { } body && body != ".")
                    {
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    }
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return (envelope.ToString(), data.ToString());
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
        return (envelope.ToString(), data.ToString());
    }
}
