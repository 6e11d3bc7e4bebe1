namespace Receta.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// SMTP when <c>Smtp:Host</c> is configured (then <c>Smtp:From</c> is required), otherwise the
    /// development sender that writes each message into <c>Email:Folder</c>; and the outbox that
    /// the scheduler's <see cref="MailJob"/> sends from.
    /// </summary>
    public static IServiceCollection AddRecetaEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<EmailOutbox>();
        services.AddScoped<OutboxMailer>();
        var smtp = configuration.GetSection(SmtpOptions.Section);
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
        {
            services.AddSingleton<IEmailSender, FolderEmailSender>();
            return services;
        }
        if (string.IsNullOrWhiteSpace(smtp["From"]))
        {
            throw new InvalidOperationException("Smtp:From is required when Smtp:Host is set.");
        }
        services.Configure<SmtpOptions>(smtp);
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
