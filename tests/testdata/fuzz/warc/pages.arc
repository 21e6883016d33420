filedesc://seed.arc 0.0.0.0 20050301120000 text/plain 65
1 0 Seed
URL IP-address Archive-date Content-type Archive-length

http://news.example.org/a 192.0.2.7 20050301120003 text/html 188
HTTP/1.1 200 OK
Content-Type: text/html; charset=utf-8

<html><head><title>Storm hits</title></head><body><p>The storm reached the coast at dawn today, said the mayor.</p></body></html>
dns:news.example.org 192.0.2.7 20050301120001 text/dns 10
192.0.2.7

http://news.example.org/b 192.0.2.7 20050302090000 text/html 200 ABCDEF - 0 seed.arc 171
HTTP/1.1 200 OK
Content-Type: text/html
Content-Encoding: identity

<html><head><title>Harbour</title></head><body><p>The harbour reopened on Monday.</p></body></html>
