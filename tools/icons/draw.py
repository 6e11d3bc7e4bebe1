#!/usr/bin/env python3
# Draws the app icons in src/Receta.Web/wwwroot/icons/ (Python alone, no image library): a white star on
# the brand colour, inside the maskable safe zone (80 % circle), supersampled 4x for smooth edges.
# Run from the repository root: python3 tools/icons/draw.py
import math, os, struct, zlib
def star(cx, cy, r_out, r_in):
    pts=[]
    for i in range(10):
        a = -math.pi/2 + i*math.pi/5
        r = r_out if i%2==0 else r_in
        pts.append((cx + r*math.cos(a), cy + r*math.sin(a)))
    return pts
def png(size, path, star_scale):
    S=4; N=size*S
    poly = star(N/2, N/2*1.04, N*star_scale, N*star_scale*0.42)
    cover=[bytearray(size) for _ in range(size)]
    for y in range(N):
        yc=y+0.5; xs=[]
        for i in range(len(poly)):
            (x1,y1),(x2,y2)=poly[i],poly[(i+1)%len(poly)]
            if (y1<=yc<y2) or (y2<=yc<y1):
                xs.append(x1+(yc-y1)*(x2-x1)/(y2-y1))
        xs.sort()
        row=cover[y//S]
        for j in range(0,len(xs)-1,2):
            a=max(0,int(math.ceil(xs[j]-0.5))); b=min(N-1,int(math.floor(xs[j+1]-0.5)))
            for x in range(a,b+1): row[x//S]+=1
    bg=(0x9a,0x34,0x12); fg=(255,255,255)
    raw=bytearray()
    for y in range(size):
        raw.append(0)
        for x in range(size):
            t=cover[y][x]/(S*S)
            raw.extend(round(bg[k]+(fg[k]-bg[k])*t) for k in range(3))
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    data=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',size,size,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(bytes(raw),9))+chunk(b'IEND',b'')
    open(path,'wb').write(data)
# maskable: the star inside the 80% safe circle
os.chdir('src/Receta.Web/wwwroot/icons')
png(192,'icon-192.png',0.30)
png(512,'icon-512.png',0.30)
png(180,'apple-touch-icon.png',0.30)
