using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Receta.Web.Infrastructure;

/// <summary>
/// The Data Protection keys (they sign and encrypt session cookies, antiforgery tokens, nudge links
/// and webhook secrets) are kept in the database; with <c>DataProtection:Certificate:Path</c> (a
/// PKCS#12 file, <c>:Password</c> if it has one) each key is stored encrypted to that certificate,
/// so that a copy of the database (a backup) does not carry them readable. Keys written under an
/// earlier certificate stay readable while it is listed in <c>DataProtection:PreviousCertificates</c>
/// (<c>:0:Path</c>, <c>:0:Password</c>, …): rotate by making the new one current and the old one previous.
/// Without a certificate the keys are stored as they are, as before, and every start says so.
/// </summary>
public static class DataProtectionKeyEncryption
{
    public const string CertificateSection = "DataProtection:Certificate";
    public const string PreviousCertificatesSection = "DataProtection:PreviousCertificates";

    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var current = configuration.GetSection(CertificateSection);
        if (string.IsNullOrWhiteSpace(current["Path"]))
        {
            builder.Services.AddHostedService<UnencryptedKeysWarning>();
            return builder;
        }
        var certificate = Load(current);
        var previous = configuration.GetSection(PreviousCertificatesSection).GetChildren().Select(Load);
        // The current certificate reads what it wrote; the previous ones read what they wrote before it.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
    }

    /// <summary>A certificate that can decrypt the keys it encrypts, or a start that fails saying which setting is wrong.</summary>
    private static X509Certificate2 Load(IConfigurationSection section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"{section.Path}:Path is required: the PKCS#12 (.pfx) file of the certificate.");
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{section.Path}:Path: there is no file at {Path.GetFullPath(path)}.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{section.Path}:Path: {path} could not be read as a PKCS#12 (.pfx) file with {section.Path}:Password ({e.Message}).", e);
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{section.Path}:Path: {path} must hold an RSA certificate with its private key: the keys are encrypted to its RSA key and read back with the private one.");
        }
        return certificate;
    }
}

internal sealed partial class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogUnencrypted(logger, DataProtectionKeyEncryption.CertificateSection);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Data Protection keys are stored in the database unencrypted: anyone with a copy of the database can forge session cookies and read webhook secrets. Set {Section}:Path (a .pfx) to encrypt them.")]
    private static partial void LogUnencrypted(ILogger logger, string section);
}
