using System.Globalization;

namespace Receta.Web.Infrastructure.Email;

/// <summary>
/// For development (when <c>Smtp:Host</c> is not set): each message becomes an <c>.eml</c> file in
/// <c>Email:Folder</c> (default <c>data/mail</c>), named by the time it was sent so that the newest
/// sorts last. The text is kept as written, so a link in it can be copied from the file.
/// </summary>
public sealed class FolderEmailSender(IConfiguration configuration, TimeProvider clock) : IEmailSender
{
    public const string DefaultFolder = "data/mail";

    public string Folder { get; } = Path.GetFullPath(configuration?["Email:Folder"] is { Length: > 0 } folder ? folder : DefaultFolder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var from = configuration["Smtp:From"] is { Length: > 0 } configured ? configured : EmailMime.DefaultFrom;
        var mime = EmailMime.Create(message, from, now, readableBody: true);
        Directory.CreateDirectory(Folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        await using var file = new FileStream(Path.Combine(Folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await mime.WriteToAsync(file, cancellationToken);
    }
}
