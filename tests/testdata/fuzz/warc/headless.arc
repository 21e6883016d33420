filedesc://old-0001.arc 192.0.2.7 20050301120000 text/plain 74
1 0 Example Crawl
URL IP-address Archive-date Content-type Archive-length

http://news.example.org/vote 192.0.2.7 20050301120003 text/html 191
<!DOCTYPE html><html><head><title>Vote count delayed</title></head><body><article><h1>Vote count delayed</h1><p>The count was delayed until Friday, the clerk said.</p></article></body></html>
http://news.example.org/robots.txt 192.0.2.7 20050301120004 text/plain 14
User-agent: *

