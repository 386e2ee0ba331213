/**
 * A real VP9 keyframe and the keyframe of its alpha plane, 512×512: an orange disc of
 * radius 150 in the middle of a transparent canvas, as encodeWebm makes it at CRF 63 (the
 * first block of its file). Tests put it in hand-built WebM files, so that the first-frame
 * check decodes real pixels without ffmpeg.
 */
const join = (parts: string[]) => new Uint8Array(Buffer.from(parts.join(''), 'base64'));

export const DISC_KEYFRAME = join([
  'gkmDQgAf8B/2SjgkHBlwEAMYX1/xP+x/N4713quw/k6i+4b9P6Pk//I+Z+nhXnbZo/V6X82D/z/mIBntPb/S+u9jPaHuuqe6',
  '87NZXwxSkoLPopq6Qf73XNtr5mnutsiNw/Ywikvn5/mbxvraqeGKwj6RcMAAAAAC52tBsfSsPOwYpHh6r3PF/63122Y7Bike',
  'Hqvc8GYBPHIkeXkN3nVHMc5MxROemZGM8kn96Nas9p+n3yYZqnipUJ2mK78nnJmFA1lGqyhyotHtIoqAQTS/hEiR8pAi1Y9W',
  'oLd7pDKxQw7gplwEBzAdrkrAkpniyZIS7Mawr+pIKFiGULVQTYpzZgnCtuLoYQqh6kTNE63XfOD+tag9mp+/U2z1lHs3inPr',
  'Wm1bSkbo/odX5VzDnxYuHV+erQtNYT6myxGaARFuoa59Mxqe2qEc/kEeXkfxkfNAYdOPchEIAoh95gEIQOROYCWTvRP8WttX',
  'c8T1aJGj8ggOkxXIOwNn1stZt/mAhZuAyLmwXzTBX/mQ9ZMohWddInoKaHjGOhtBmG/6CFiff2vEOIkFDwM0s1P++3eWGd/s',
  'EHBvdV0qW43r3RR2ZHh+NBbVVHhaP0dtyYmYnhbFgmtIVkC33D/JihIJrqZx85KrxcW6Ub1UQ4eRiZF4kmWM/RnXvb6wPfWC',
  'C2jv3X2mrSTTtNLMxH8WA3s19stSHJklFZMowNLMKMj3GOhej+9N8ugCly4rqK229uBtbk5VXBSj1eaQWZmUd4CgBsPrx5WH',
  'oe9uKslYIRVcAai6NrfdJSSIgs/0/xb+KqFgjr8MyUsvQNaMSZpoMZfzq7+vG5P6BxDJKdB8+pVak4OKqttsLmAJIM53YDEz',
  'gH3Gje//BzFShVfVcn80l9IrBhkyRuWedE7JAtStQ+CrasNSACwByQP6cgoKvIHoqCYpDD6dGwFO1pT/ma+xNikYqzMOqgcK',
  'u6DsK981Dqqw7qmf0i/vzGFD37AGJf5KNMcQbTbeSaMMBdfVQ56ZVOFyuhz3TTs/k58AhKHVN/tKOi+GAsCSaGzl3GTPT4oL',
  'Ag73QFZg6elqBW//j2ryj9PajMPIrznYdTn3c0D64omxCi8QCVtO9Qg78rbs0G8SppSyNmPbdptalm3tQubus4xJSw2p9j6g',
  'a0Gx9Kw87BikeHqvc8X/rfXbZjsGKR4eq9zwZgE8ciR5eQ3lVOE4lvsqGLV7l8RQHInYqe7q2tm9J/3Bb4Elcld7wijsF8M3',
  'BRKBsWzI0TrWMvpDT9cNyBsrd235JgCnpZuPerrIYnuA7Dz5hnI4fJ8x3veYYd66XgF2ZZNdSxIGuoJtV5mNYsBGKK969AKT',
  'qfT6JKjB3ZJTKyaIq2OEvhMV7flip90JspGyyecKd5M/iz0jDQ/bfxQnX8wNI6C3ZrzPvfbpjp2ml2/r0PPKlSI7dVX6QBk5',
  '7I7tiwh5G9/Z0A9ySY2y7JpXcHMSQobWevOLkcuIQq7cMopBXf4adVBr3Efuo/UUc+JXz0f4dxKqX9iXXaK0RgS9rEpBWkVs',
  'N75hRljHrGinB5snWmijMh3mA8oA+TG7e9GFfcvTHG/5qXxIBkt3hx7sPJdMyuqviNNVciU7POEDoyll7vYUlHb6m/kusUlH',
  'fZY6lHtGxkg1aDxlE1xkPE+G3MRxe2ZvfdWjD8LLm/wrUQcRo7vtcSoY5JF5RXtv37Iw4biOdzuy0dKzusxiWw9zqXslHMqV',
  'MZlhokmBy/hPUMPF9iDp3iWZq3rz7GRid2H1ezpXGk56UC2Pclz+XGRIWix8qS0qQ4qqy09NcQwvNNA7jK+JMxfHJbRFrOd2',
  'X4suBCYMJF2ShPEu14c2nV9om9hJDitKnnFXLDWjbxNIA5wN2uOKbJ3pAszWoJ9PazpxklCvdSR7I7aW76yVmAEoBWUtNvQF',
  'Kx2VjqoVynxRI/aaVNw8S4rHXYKdZEZqF8x0RmwnFLlaHQAx4VyVJKY6SKzjwlRZMAf0pObO7GG0+p4bPhF4yQnnaHb8UScg',
  'cGkbu7I47Ji1OniZb9Bp4V04rqP/r4EI8RJ9Sa4S5fyf6498Tu7DXLF4KLVHCqXO774WEbjoW4SZSBrXUHnWjrsYGzDIyl1v',
  'adeIg8Jr7e4P8CtW05/WQpditEalQW0LOItCzI8e1GEOsBydzMAA',
]);

export const DISC_ALPHA_KEYFRAME = join([
  'gkmDQgAf8B/2SjgkHBlwEAH4X2D4n/uvxdt/R+74n6vh+h75v9P6vuG+Rkj9fhfviXYE5MGeBXn5V5G90cP/Xxw/8iAao+o/',
  'I8433LrAELIAAAADDmr+DpV2RoK6As+x1aLHX/lmHxUwtav7APU76w1dwgAKzBqJRthOeI0kGMZW2gcZg59foRGF9hDm/VOZ',
  'Azp3yHP4EV0mYDWR8iZoFpI8mnP0neNhrXB0DvzeUHu4DnXBn1/gd5sffkmjxvmb5TEGXoxw5+EDJQubb5e5mE2bjYAsPnPw',
  'vJLBwvyvPm5jbERgEkrqHnkR6m97VQE+AwKtJChs+gsGXvtqxOJXZlqObBOjiaPOFrWZmS5NxygKgdC4tnDhJPmEBEclKhV+',
  'jigwaftQDOwa1Koyl8mgWgSUocVLAZ2EMBhcJ9jt41ywo8ecuDyHPv0A2QjDeMmN8CjsUiEhpnsSOEWhW0JNrcLsvRyX9jpc',
  '+UNRYtSi9J2pVIXEhpnknAPoGqOA7C482XszQruuJhaOn3enqMd6niwdnhYIA8JhQQcFwjtYg1cm/jQO+Maru++ZolVRuYUr',
  'H+Cd1y/yB8/kH7YWtA925EIArIfSHqXN8ptz++45ACSAqhSDsYNBVmNZdC1uzrXbye5vrOryIkcmNzjV6/cpwcsI2Xhm5h+6',
  'nX6geZWLy7iQ2FM8kACB366daxDmeoruECd6tHNGvblFrvzezJRy+faGGmNyT27JFhvyNJCNSsV3HRKJVfkIZ1jBIXVUpeWp',
  'XrkfMJA99oQgHqfevyDlJLAYVxUnzN+A66g7FKv1YSIb7+W/Dk7gk6uXF4pLjo7lGcvREMphKBtgP+dQ48NKNpCB7KpGvKTQ',
  'q40tP6Z1SX5e32sAgL6Q6EDu+N0gLwui5rUiaQTdU6ciFp2LnbqZQNuf2GD6b6kn0OsFN2iB9MZJpbFBJyRnf87JIoNicGZz',
  'r9+aFMAtdrpvLVYV+jj7yiyo7F0y1ztAy33hBjD3npMw5vN9EuwLLJ5u+Nlp6HauGcfM//jaxXcfcLwkDwqjT3CEpovzKJIf',
  'Wn+P2BY//1PWm04ukd9uvHTjL6Ch9aRQy1NQhViydXfhjObHKdYbRaS4VbxvmNdvffcGujxGua59wfOhPB4fgG9wI3FwdDiR',
  '2cEAav4OlXZGgroCz7HVosdf+WYfFTC1q/sA9TvrDV3CAArMGolG2E54jyX6MihbY4AJf+SfOfAVPJb6gh0Ctb4SZK0SAxYM',
  'eYPQtE6kboaEPcNtB9YXqI8DlIhZKrGGYOY2Wo1teYgiQx9r/OuXtofpfURLlbeS8P3gx0ofcdne5Xg+kIYufcZfpbxbUhjK',
  '4ZboIr7/Gn703ZRJONhZLnBv5dNJw4igM58HdWTejipxFk3rDWaIw6ZIOCe36nmatH6XMtN8+ORRdHgv5SAb/YVoL1nOXadH',
  '1zwKmBRDdX2gKYAi8OfpdWW/2DHSnPXhONPrlks/wCelkmu6WumLjtTa8r4xgUmZojYWGe/uBtwmV8ItmQ+qablrWj7BhqEm',
  'lhzcsjQsFxBp7Yij8TpVzZAx+sVr60Oar37WgGWVEIPaenz5Y0YieZA1H6HKuubp9/hcYeUyoDTHNEWzXB0t0groGJbRH0SU',
  'VrSo9IvMelGgyJ7o04I/xn4nPkOZfPvrKLRsqSfiVel1nzuI4aSbW+0/80pyrME+yLOIYNDwhYCfRURhsz/8EZeTly73aWoo',
  'NisJp7bnaN7PeWbcMQNBX0DKHOmokQuDKnKEU2yk88DkE4KoZwoFiTlX71w1R/hIh0pSBHSYh6cuTDHgGUuvcSMVMHBaQpWT',
  'CnnEXxhJO2bS24RJ4WMvE/5R/oLwqMEQTFYbHH4Jl+bg5/agxI1qjHuZpftpDwR/+mxOINNW4um1LYO31dvVEmxxx+DBkVbu',
  'RpxyieClkknlO5alnUHIn4wkUdB/u9lXc7CxWt7EBdN4oSSfD/JIfxD8u3yS6gwCF7wIho8TrwWJNyESV2yCiCY91D7Bm2oq',
  'ZCohadSfDG14gHlwtXW9jRr0AmrRGvtGCdNYKrvp+cUzevWdXqM4focmkrSFQjI2F1Mtozqfwd8U1tOhO7IK65tpiQGTNwjQ',
  'Jb19mlFqxD9Y/dyJxQfzTaZ9DV0snP/Gk4/EVy2Ba/xFYjBBAKEroLtVCJrBkthyXoTGADgA',
]);
