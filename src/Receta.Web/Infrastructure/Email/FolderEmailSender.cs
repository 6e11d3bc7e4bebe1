using System.Globalization;
using System.Text;

namespace Receta.Web.Infrastructure.Email;

/// <summary>For development: each message becomes a text file in <c>Email:Folder</c> (default <c>data/mail</c>).</summary>
public sealed class FolderEmailSender(IConfiguration configuration, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = configuration["Email:Folder"] ?? Path.Combine("data", "mail");
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.txt");
        var text = $"To: {message.To}\nSubject: {message.Subject}\n\n{message.TextBody}\n";
        await File.WriteAllTextAsync(Path.Combine(folder, name), text, Encoding.UTF8, cancellationToken);
    }
}
