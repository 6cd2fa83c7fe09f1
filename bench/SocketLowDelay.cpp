// SPDX-License-Identifier: GPL-3.0-or-later
#include "SocketLowDelay.h"

#include <QTcpSocket>
#include <QWebSocket>

#ifdef Q_OS_UNIX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

bool SocketLowDelay::enable(QWebSocket *socket)
{
    return enable(socket->findChild<QTcpSocket *>());
}

bool SocketLowDelay::enable(QAbstractSocket *socket)
{
    if (!socket)
        return false;
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return isEnabled(socket);
}

bool SocketLowDelay::isEnabled(const QWebSocket *socket)
{
    return isEnabled(socket->findChild<QTcpSocket *>());
}

bool SocketLowDelay::isEnabled(const QAbstractSocket *socket)
{
    if (!socket || socket->socketDescriptor() < 0)
        return false;
#ifdef Q_OS_UNIX
    int value = 0;
    socklen_t length = sizeof value;
    return getsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &value, &length)
        == 0
        && value != 0;
#else
    return socket->socketOption(QAbstractSocket::LowDelayOption).toInt() != 0;
#endif
}
