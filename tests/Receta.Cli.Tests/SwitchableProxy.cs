using System.Net;
using System.Net.Sockets;

namespace Receta.Cli.Tests;

/// <summary>
/// A TCP forwarder to the app on a port of its own, that a test can switch off (the server is
/// unreachable: connections are refused) and on again at the same address, as a server that went
/// down and came back.
/// </summary>
public sealed class SwitchableProxy : IDisposable
{
    private readonly Uri _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private int _port;

    public SwitchableProxy(Uri target)
    {
        _target = target;
        Start();
    }

    public Uri Address => new($"http://127.0.0.1:{_port}/");

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, _port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    public void Stop()
    {
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = ForwardAsync(incoming);
        }
    }

    private async Task ForwardAsync(TcpClient incoming)
    {
        using var outgoing = new TcpClient();
        lock (_open)
        {
            _open.Add(incoming);
            _open.Add(outgoing);
        }
        try
        {
            await outgoing.ConnectAsync(_target.Host, _target.Port);
            using var a = incoming.GetStream();
            using var b = outgoing.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            incoming.Dispose();
        }
    }

    public void Dispose() => Stop();
}
